import { RE2JS } from 're2js';

/** A compiled server-supplied validator: `test` searches like `RegExp.prototype.test`. */
export interface ServerRegex {
  test(text: string): boolean;
}

/**
 * MOSIP's field validators are Java regexes from the server, run on what an operator types: on a
 * backtracking engine one bad pattern (`(a+)+$`) freezes the screen. They run on RE2 (re2js),
 * whose time is linear in the input. RE2 has no lookaround, which MOSIP's own samples use only as
 * a leading length check (`^(?=.{3,50}$).*`): a pattern that opens with lookaheads is split into
 * conditions that must all hold at the start (`(?=…)`) or fail there (`(?!…)`). Anything else RE2
 * cannot compile returns null, and the caller decides.
 */
export function compileServerRegex(source: string): ServerRegex | null {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const compiled = compile(source);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(source, compiled);
  return compiled;
}

const CACHE_LIMIT = 500;
const cache = new Map<string, ServerRegex | null>();

function compile(source: string): ServerRegex | null {
  const split = splitLeadingLookaheads(source);
  if (!split) return null;
  try {
    const must = split.lookaheads.map(({ body, negative }) => ({ re: RE2JS.compile(`^(?:${body})`), negative }));
    const rest = RE2JS.compile(split.rest);
    return { test: (text) => must.every(({ re, negative }) => re.test(text) !== negative) && rest.test(text) };
  } catch {
    return null;
  }
}

/**
 * `^(?=A)(?!B)C` → lookaheads A (must match at 0), B (must not), rest `^(?:C)`. A source without a
 * leading `^(?` lookahead is returned whole. Null when a lookahead is unbalanced, or when the rest
 * has a top-level `|` (its other branches would not be under the lookahead).
 */
function splitLeadingLookaheads(source: string): { lookaheads: { body: string; negative: boolean }[]; rest: string } | null {
  if (!source.startsWith('^(?=') && !source.startsWith('^(?!')) return { lookaheads: [], rest: source };
  const lookaheads: { body: string; negative: boolean }[] = [];
  let i = 1;
  while (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
    const end = closingParen(source, i);
    if (end < 0) return null;
    lookaheads.push({ body: source.slice(i + 3, end), negative: source[i + 2] === '!' });
    i = end + 1;
  }
  const rest = source.slice(i);
  if (hasTopLevelAlternation(rest)) return null;
  return { lookaheads, rest: `^(?:${rest})` };
}

/** Index of the `)` closing the group opened at `open`, skipping escapes and character classes. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function classEnd(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++; // a leading ] is literal
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}
