import { AppError } from '../errors';

/**
 * Tokens of the MVEL subset MOSIP UI specs use. Anything else (`;`, `=`, `[`, `{`, `+`, `?:`,
 * `new`, `import`, backticks, …) is a syntax error with its position: a rule we cannot read must
 * never quietly become true or false.
 */
export type MvelToken =
  | { readonly kind: 'number'; readonly value: number; readonly pos: number }
  | { readonly kind: 'string'; readonly value: string; readonly pos: number }
  | { readonly kind: 'ident'; readonly value: string; readonly pos: number }
  | { readonly kind: 'op'; readonly value: MvelOperator; readonly pos: number }
  | { readonly kind: 'end'; readonly pos: number };

export type MvelOperator = '==' | '!=' | '<=' | '>=' | '<' | '>' | '&&' | '||' | '!' | '(' | ')' | '.' | '.?' | ',' | '-';

/** Longest first, so `<=` is not read as `<` then `=`. */
const OPERATORS: readonly MvelOperator[] = ['==', '!=', '<=', '>=', '&&', '||', '.?', '<', '>', '!', '(', ')', '.', ',', '-'];

/** Specs are short; a bound keeps a hostile spec from costing time or stack. */
export const MAX_EXPRESSION_LENGTH = 4000;

/** Raises ERR_REG_RULE_SYNTAX at `pos`. */
export function mvelSyntaxError(expression: string, pos: number, reason: string): AppError<'ERR_REG_RULE_SYNTAX'> {
  return new AppError('ERR_REG_RULE_SYNTAX', { expression, position: pos, reason });
}

function readString(expr: string, start: number): { value: string; end: number } {
  const quote = expr[start];
  let value = '';
  for (let i = start + 1; i < expr.length; i++) {
    const c = expr[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\') {
      const next = expr[i + 1];
      if (next !== quote && next !== '\\') throw mvelSyntaxError(expr, i, 'unsupported escape in string');
      value += next;
      i++;
      continue;
    }
    value += c;
  }
  throw mvelSyntaxError(expr, start, 'unterminated string');
}

/**
 * Splits an expression into tokens.
 * @throws AppError ERR_REG_RULE_SYNTAX on any character outside the subset.
 */
export function tokenizeMvel(expr: string): MvelToken[] {
  if (expr.length > MAX_EXPRESSION_LENGTH) throw mvelSyntaxError(expr.slice(0, 80), MAX_EXPRESSION_LENGTH, 'expression too long');
  const tokens: MvelToken[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'" || c === '"') {
      const { value, end } = readString(expr, i);
      tokens.push({ kind: 'string', value, pos: i });
      i = end;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(expr.slice(i, i + 40));
    if (number) {
      if (/[A-Za-z_$]/.test(expr[i + number[0].length] ?? '')) throw mvelSyntaxError(expr, i, 'malformed number');
      tokens.push({ kind: 'number', value: Number(number[0]), pos: i });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i, i + 200));
    if (ident) {
      tokens.push({ kind: 'ident', value: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => expr.startsWith(o, i));
    if (!op) throw mvelSyntaxError(expr, i, `unexpected character '${c}'`);
    tokens.push({ kind: 'op', value: op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', pos: expr.length });
  return tokens;
}
