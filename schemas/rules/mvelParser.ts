import { mvelSyntaxError, tokenizeMvel, type MvelOperator, type MvelToken } from './mvelTokenizer';
import { unreachable } from '../errors/assert';

/** A literal value in an expression (`nil` and `null` are the same; `empty` is a marker). */
export type MvelLiteral = string | number | boolean | null;

export type MvelBinaryOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||' | 'contains';

/** The parsed form of an expression; every node keeps its source position for error messages. */
export type MvelNode =
  | { readonly kind: 'literal'; readonly value: MvelLiteral; readonly pos: number }
  | { readonly kind: 'empty'; readonly pos: number }
  | { readonly kind: 'variable'; readonly name: string; readonly pos: number }
  | { readonly kind: 'member'; readonly object: MvelNode; readonly name: string; readonly nullSafe: boolean; readonly pos: number }
  | { readonly kind: 'call'; readonly object: MvelNode; readonly method: MvelMethod; readonly args: readonly MvelNode[]; readonly nullSafe: boolean; readonly pos: number }
  | { readonly kind: 'not'; readonly operand: MvelNode; readonly pos: number }
  | { readonly kind: 'binary'; readonly op: MvelBinaryOperator; readonly left: MvelNode; readonly right: MvelNode; readonly pos: number };

/** The only methods an expression may call; each is implemented by the evaluator, never looked up. */
export const MVEL_METHODS = ['get', 'contains', 'equals', 'equalsIgnoreCase', 'isEmpty', 'size', 'length', 'startsWith', 'endsWith'] as const;
export type MvelMethod = (typeof MVEL_METHODS)[number];

/** Names that would reach JavaScript object internals; refused wherever a name can appear. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** Deep nesting would overflow the stack; real specs nest 3–4 levels. */
const MAX_DEPTH = 64;

const KEYWORD_LITERALS: Readonly<Record<string, MvelLiteral>> = { true: true, false: false, null: null, nil: null };
const RELATIONAL: readonly MvelOperator[] = ['<', '<=', '>', '>='];

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly expr: string, private readonly tokens: readonly MvelToken[]) {}

  parse(): MvelNode {
    const node = this.or();
    const t = this.peek();
    if (t.kind !== 'end') throw this.error(t.pos, `unexpected '${'value' in t ? String(t.value) : ''}'`);
    return node;
  }

  private peek(): MvelToken { return this.tokens[this.i]!; }
  private next(): MvelToken { return this.tokens[this.i++]!; }
  private error(pos: number, reason: string) { return mvelSyntaxError(this.expr, pos, reason); }
  private isOp(...ops: MvelOperator[]): boolean { const t = this.peek(); return t.kind === 'op' && ops.includes(t.value); }
  private expectOp(op: MvelOperator): void {
    const t = this.next();
    if (t.kind !== 'op' || t.value !== op) throw this.error(t.pos, `expected '${op}'`);
  }

  private binaryLevel(ops: MvelOperator[], operand: () => MvelNode): MvelNode {
    let left = operand();
    while (this.isOp(...ops)) {
      const t = this.next();
      left = { kind: 'binary', op: (t as { value: MvelBinaryOperator }).value, left, right: operand(), pos: t.pos };
    }
    return left;
  }

  private or(): MvelNode { return this.binaryLevel(['||'], () => this.and()); }
  private and(): MvelNode { return this.binaryLevel(['&&'], () => this.equality()); }
  private equality(): MvelNode { return this.binaryLevel(['==', '!='], () => this.relational()); }

  private relational(): MvelNode {
    const left = this.unary();
    const t = this.peek();
    if (t.kind === 'op' && RELATIONAL.includes(t.value)) {
      this.next();
      return { kind: 'binary', op: t.value as MvelBinaryOperator, left, right: this.unary(), pos: t.pos };
    }
    if (t.kind === 'ident' && t.value === 'contains') {
      this.next();
      return { kind: 'binary', op: 'contains', left, right: this.unary(), pos: t.pos };
    }
    return left;
  }

  private unary(): MvelNode {
    const t = this.peek();
    if (++this.depth > MAX_DEPTH) throw this.error(t.pos, 'expression nested too deeply');
    try {
      if (t.kind === 'op' && t.value === '!') { this.next(); return { kind: 'not', operand: this.unary(), pos: t.pos }; }
      if (t.kind === 'op' && t.value === '-') {
        this.next();
        const n = this.next();
        if (n.kind !== 'number') throw this.error(t.pos, "'-' is only allowed before a number");
        return { kind: 'literal', value: -n.value, pos: t.pos };
      }
      return this.postfix(this.primary());
    } finally {
      this.depth--;
    }
  }

  private primary(): MvelNode {
    const t = this.next();
    switch (t.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: t.value, pos: t.pos };
      case 'ident':
        if (Object.hasOwn(KEYWORD_LITERALS, t.value)) return { kind: 'literal', value: KEYWORD_LITERALS[t.value]!, pos: t.pos };
        if (t.value === 'empty') return { kind: 'empty', pos: t.pos };
        if (t.value === 'contains') throw this.error(t.pos, "'contains' needs a left operand");
        if (FORBIDDEN_NAMES.has(t.value)) throw this.error(t.pos, `forbidden name '${t.value}'`);
        return { kind: 'variable', name: t.value, pos: t.pos };
      case 'op':
        if (t.value === '(') { const inner = this.or(); this.expectOp(')'); return inner; }
        throw this.error(t.pos, `unexpected '${t.value}'`);
      case 'end':
        throw this.error(t.pos, 'unexpected end of expression');
      default:
        return unreachable(t, 'token');
    }
  }

  private postfix(node: MvelNode): MvelNode {
    let current = node;
    while (this.isOp('.', '.?')) {
      const dot = this.next() as { value: MvelOperator; pos: number };
      const name = this.next();
      if (name.kind !== 'ident') throw this.error(name.pos, 'expected a property or method name');
      if (FORBIDDEN_NAMES.has(name.value)) throw this.error(name.pos, `forbidden name '${name.value}'`);
      const nullSafe = dot.value === '.?';
      if (this.isOp('(')) {
        if (!(MVEL_METHODS as readonly string[]).includes(name.value)) throw this.error(name.pos, `unsupported method '${name.value}'`);
        current = { kind: 'call', object: current, method: name.value as MvelMethod, args: this.args(), nullSafe, pos: name.pos };
      } else {
        current = { kind: 'member', object: current, name: name.value, nullSafe, pos: name.pos };
      }
    }
    return current;
  }

  private args(): MvelNode[] {
    this.expectOp('(');
    const args: MvelNode[] = [];
    if (this.isOp(')')) { this.next(); return args; }
    for (;;) {
      args.push(this.or());
      if (this.isOp(')')) { this.next(); return args; }
      this.expectOp(',');
    }
  }
}

/**
 * Parses an expression of the MVEL subset used by MOSIP UI specs: literals (strings, numbers,
 * true/false, null/nil, empty), variables, `a.b`, `a.?b`, whitelisted method calls, `!`, `&&`,
 * `||`, `== != < <= > >=`, infix `contains`, parentheses.
 * @throws AppError ERR_REG_RULE_SYNTAX with the position of the first unsupported token.
 */
export function parseMvel(expr: string): MvelNode {
  return new Parser(expr, tokenizeMvel(expr)).parse();
}
