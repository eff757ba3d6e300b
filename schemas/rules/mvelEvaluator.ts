import { AppError } from '../errors';
import { FORBIDDEN_NAMES, parseMvel, type MvelMethod, type MvelNode } from './mvelParser';

/** A value an expression can see: JSON data only (no functions, no class instances). */
export type MvelValue = string | number | boolean | null | readonly MvelValue[] | { readonly [key: string]: MvelValue };

/** The variables of an expression, e.g. `{ identity: {...} }` or, for `validationExpr`, `{ face: true, ... }`. */
export type MvelContext = Readonly<Record<string, MvelValue>>;

type Record_ = { readonly [key: string]: MvelValue };
/** `empty` only makes sense on one side of `==`/`!=`; it is kept as a marker until then. */
const EMPTY = Symbol('empty');
type Evaluated = MvelValue | typeof EMPTY;

class EvaluationFailure extends Error {
  constructor(readonly pos: number, readonly reason: string) { super(reason); }
}

function fail(pos: number, reason: string): never { throw new EvaluationFailure(pos, reason); }

function isRecord(v: unknown): v is Record_ {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Own, non-forbidden keys only: the prototype chain is never consulted. */
function property(record: Record_, key: string, pos: number): MvelValue {
  if (FORBIDDEN_NAMES.has(key)) fail(pos, `forbidden name '${key}'`);
  return Object.hasOwn(record, key) ? record[key]! : null;
}

function isEmptyValue(v: Evaluated): boolean {
  if (v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return isRecord(v) && Object.keys(v).length === 0;
}

function asNumber(v: Evaluated): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** MVEL's `==`: numbers and numeric strings compare as numbers; `empty` matches null, '' and empty collections. */
function looseEquals(a: Evaluated, b: Evaluated): boolean {
  if (a === EMPTY || b === EMPTY) return isEmptyValue(a === EMPTY ? b : a);
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    return x !== undefined && x === y;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => looseEquals(v, b[i]!));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && looseEquals(a[k]!, b[k]!));
  }
  return a === b;
}

function compare(op: '<' | '<=' | '>' | '>=', a: Evaluated, b: Evaluated, pos: number): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  let order: number;
  if (x !== undefined && y !== undefined) order = x - y;
  else if (typeof a === 'string' && typeof b === 'string') order = a < b ? -1 : a > b ? 1 : 0;
  else fail(pos, `cannot compare ${describe(a)} with ${describe(b)}`);
  switch (op) {
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
    default: { const never: never = op; return fail(pos, `unknown operator ${String(never)}`); }
  }
}

function describe(v: Evaluated): string {
  if (v === EMPTY) return 'empty';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a map' : `a ${typeof v}`;
}

function contains(container: Evaluated, item: Evaluated, pos: number): boolean {
  if (container === null) return false;
  if (typeof container === 'string') {
    if (typeof item !== 'string') fail(pos, `a string cannot contain ${describe(item)}`);
    return container.includes(item);
  }
  if (Array.isArray(container)) return container.some((v) => looseEquals(v, item));
  return fail(pos, `${describe(container)} has no 'contains'`);
}

function asBoolean(v: Evaluated, pos: number): boolean {
  if (typeof v !== 'boolean') fail(pos, `expected true or false, found ${describe(v)}`);
  return v;
}

function valueOf(v: Evaluated, pos: number): MvelValue {
  if (v === EMPTY) fail(pos, "'empty' can only be compared with == or !=");
  return v;
}

function callMethod(target: MvelValue, method: MvelMethod, args: readonly MvelValue[], pos: number): MvelValue {
  const arity = (n: number) => { if (args.length !== n) fail(pos, `${method} takes ${n} argument(s)`); };
  const str = (v: MvelValue | undefined) => { if (typeof v !== 'string') fail(pos, `${method} needs a string, found ${describe(v ?? null)}`); return v; };
  switch (method) {
    case 'get':
      arity(1);
      if (isRecord(target)) return property(target, str(args[0]), pos);
      if (Array.isArray(target) && typeof args[0] === 'number' && Number.isInteger(args[0])) return target[args[0]] ?? fail(pos, `index ${args[0]} out of range`);
      return fail(pos, `get on ${describe(target)}`);
    case 'contains': arity(1); return contains(target, args[0]!, pos);
    case 'equals': arity(1); return looseEquals(target, args[0]!) && typeof target === typeof args[0];
    case 'equalsIgnoreCase': arity(1); return typeof args[0] === 'string' && str(target).toLowerCase() === args[0].toLowerCase();
    case 'startsWith': arity(1); return str(target).startsWith(str(args[0]));
    case 'endsWith': arity(1); return str(target).endsWith(str(args[0]));
    case 'isEmpty': arity(0); if (target === null) fail(pos, 'isEmpty on null'); return isEmptyValue(target);
    case 'length': arity(0); return str(target).length;
    case 'size':
      arity(0);
      if (Array.isArray(target)) return target.length;
      if (isRecord(target)) return Object.keys(target).length;
      return fail(pos, `size on ${describe(target)}`);
    default: { const never: never = method; return fail(pos, `unknown method ${String(never)}`); }
  }
}

function evaluateNode(node: MvelNode, context: MvelContext): Evaluated {
  switch (node.kind) {
    case 'literal': return node.value;
    case 'empty': return EMPTY;
    case 'variable':
      if (!Object.hasOwn(context, node.name)) fail(node.pos, `unknown variable '${node.name}'`);
      return context[node.name]!;
    case 'member': {
      const object = valueOf(evaluateNode(node.object, context), node.pos);
      if (object === null) return node.nullSafe ? null : fail(node.pos, `'${node.name}' of null (use .? for null-safe access)`);
      if (!isRecord(object)) fail(node.pos, `'${node.name}' of ${describe(object)}`);
      return property(object, node.name, node.pos);
    }
    case 'call': {
      const target = valueOf(evaluateNode(node.object, context), node.pos);
      if (target === null && node.nullSafe) return null;
      const args = node.args.map((a) => valueOf(evaluateNode(a, context), a.pos));
      return callMethod(target, node.method, args, node.pos);
    }
    case 'not': return !asBoolean(evaluateNode(node.operand, context), node.operand.pos);
    case 'binary': return evaluateBinary(node, context);
    default: { const never: never = node; return fail(0, `unknown node ${String(never)}`); }
  }
}

function evaluateBinary(node: Extract<MvelNode, { kind: 'binary' }>, context: MvelContext): Evaluated {
  const left = () => evaluateNode(node.left, context);
  const right = () => evaluateNode(node.right, context);
  switch (node.op) {
    case '&&': return asBoolean(left(), node.left.pos) && asBoolean(right(), node.right.pos);
    case '||': return asBoolean(left(), node.left.pos) || asBoolean(right(), node.right.pos);
    case '==': return looseEquals(left(), right());
    case '!=': return !looseEquals(left(), right());
    case '<': case '<=': case '>': case '>=':
      return compare(node.op, valueOf(left(), node.left.pos), valueOf(right(), node.right.pos), node.pos);
    case 'contains': return contains(valueOf(left(), node.left.pos), valueOf(right(), node.right.pos), node.pos);
    default: { const never: never = node.op; return fail(node.pos, `unknown operator ${String(never)}`); }
  }
}

const PARSED = new Map<string, MvelNode>();
const PARSE_CACHE_LIMIT = 1000;

/** Parses once per distinct expression; specs repeat the same few dozen rules on every keystroke. */
function parsed(expr: string): MvelNode {
  const hit = PARSED.get(expr);
  if (hit) return hit;
  const node = parseMvel(expr);
  if (PARSED.size >= PARSE_CACHE_LIMIT) PARSED.clear();
  PARSED.set(expr, node);
  return node;
}

/**
 * Evaluates an expression against JSON data. No `eval`, no `Function`, no prototype lookups.
 * @throws AppError ERR_REG_RULE_SYNTAX (unsupported or malformed expression) or
 *   ERR_REG_RULE_EVALUATION (unknown variable, property of null, type mismatch), both with a position.
 */
export function evaluateMvel(expr: string, context: MvelContext): MvelValue {
  try {
    return valueOf(evaluateNode(parsed(expr), context), 0);
  } catch (err) {
    if (err instanceof EvaluationFailure) {
      throw new AppError('ERR_REG_RULE_EVALUATION', { expression: expr, position: err.pos, reason: err.reason }, { cause: err });
    }
    throw err;
  }
}

/**
 * A `visible`/`requiredOn`/`validationExpr` rule as MOSIP runs it (`MVEL.evalToBoolean`, and
 * `false` when evaluation throws): true only when the expression evaluates to `true`.
 * @throws AppError ERR_REG_RULE_SYNTAX — a rule we cannot read is a spec bug, reported, not hidden.
 */
export function isRuleTrue(expr: string, context: MvelContext): boolean {
  try {
    return evaluateMvel(expr, context) === true;
  } catch (err) {
    if (err instanceof AppError && err.is('ERR_REG_RULE_EVALUATION')) return false;
    throw err;
  }
}
