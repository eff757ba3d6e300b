/** A parameterised query: the text and its bound values, never concatenated (STYLE rule 40). */
export type Query = readonly [string, readonly SqlValue[]];
export type SqlValue = string | number | bigint | Buffer | null;

/** `sql\`SELECT * FROM t WHERE id = ${id}\`` → ['SELECT * FROM t WHERE id = ?', [id]] */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Query {
  return [strings.join('?'), values];
}

/** Joins query fragments with `separator` (e.g. ' AND '), their values in order: WHERE clauses built from the filters set. */
export function joinSql(parts: readonly Query[], separator: string): Query {
  return [parts.map(([text]) => text).join(separator), parts.flatMap(([, values]) => values)];
}
