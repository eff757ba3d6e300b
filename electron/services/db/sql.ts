/** A parameterised query: the text and its bound values, never concatenated (STYLE rule 40). */
export type Query = readonly [string, readonly SqlValue[]];
export type SqlValue = string | number | bigint | Buffer | null;

/** `sql\`SELECT * FROM t WHERE id = ${id}\`` → ['SELECT * FROM t WHERE id = ?', [id]] */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Query {
  return [strings.join('?'), values];
}
