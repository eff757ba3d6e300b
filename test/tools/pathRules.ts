import { posix } from 'node:path';

/**
 * Repository-wide path rules (lint): the suite must pass on a clean clone on any machine, so no
 * source, test or script file may name a machine's absolute path (a colleague's /work/… tree, a
 * home folder, a drive letter), and no relative path in code may climb out of the repository root.
 * Relative paths are resolved the way the runtime would: against the folder of the file that holds
 * them (`new URL('…', import.meta.url)`, `join(import.meta.dirname, …)`, import specifiers and any
 * other './' or '../' string literal).
 */
export interface PathViolation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** A line (or the line above it) carrying this marker is exempt, for a test that needs such a string as data. */
export const PATH_ALLOW_MARKER = 'lint-allow-path:';

/** Top folders of machines' own trees: naming one ties the file to a machine. Not preceded by a path or word character, so URL paths like `/v1/home/` pass. */
const MACHINE_PATH = /(?<![\w.~:/\\-])(?:\/(?:work|home|Users|root|tmp|mnt)\/|[A-Za-z]:\\{1,2}[\w.$])/;
/** Where the relative literals are counted from: a fake absolute root, so that resolution can be done in posix without the disk. */
const ROOT = '/__repository_root__';

const STRING = /(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
const URL_CALL = /new URL\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*,\s*import\.meta\.url\s*\)/g;
const DIR_CALL = /\b(join|resolve)\(\s*(?:import\.meta\.dirname|__dirname)\s*((?:,\s*(['"])(?:\\.|(?!\3)[^\\])*\3\s*)*)/g;
const LITERAL_ARG = /(['"])((?:\\.|(?!\1)[^\\])*)\1/g;

function inside(resolved: string): boolean {
  return resolved === ROOT || resolved.startsWith(`${ROOT}/`);
}

/** Code text of a line: `//` comments (not the `//` of a URL) and block-comment lines dropped. */
function codeOf(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('*') || trimmed.startsWith('/*')) return '';
  return text.replace(/(^|\s)\/\/.*$/, '$1');
}

/** Every path rule broken by one line of `file` (a posix path relative to the repository root). */
function checkLine(file: string, text: string, isCode: boolean): string[] {
  const out: string[] = [];
  const machine = MACHINE_PATH.exec(text);
  if (machine) out.push(`names the absolute machine path "${machine[0]}": derive paths from the file (import.meta.dirname) or os.tmpdir()`);
  if (!isCode) return out;
  const code = codeOf(text);
  const dir = posix.join(ROOT, posix.dirname(file));
  const escapes = (what: string, resolved: string) => {
    if (!inside(resolved)) out.push(`${what} reaches outside the repository root: keep what the project reads inside it (test/fixtures/)`);
  };
  const seen = new Set<string>();
  for (const m of code.matchAll(URL_CALL)) {
    if (m[2]!.includes('${')) continue;
    seen.add(m[2]!);
    escapes(`new URL('${m[2]}', import.meta.url)`, new URL(m[2]!, `file://${dir}/`).pathname);
  }
  for (const m of code.matchAll(DIR_CALL)) {
    const parts = [...m[2]!.matchAll(LITERAL_ARG)].map((a) => a[2]!);
    parts.forEach((p) => seen.add(p));
    const resolved = m[1] === 'resolve' ? posix.resolve(dir, ...parts) : posix.join(dir, ...parts);
    escapes(`${m[1]}(import.meta.dirname, ${parts.map((p) => `'${p}'`).join(', ')})`, resolved);
  }
  for (const m of code.matchAll(STRING)) {
    const literal = m[2]!;
    if (seen.has(literal) || literal.includes('${') || !/^\.\.?\//.test(literal)) continue;
    escapes(`'${literal}'`, posix.join(dir, literal));
  }
  return out;
}

/** Files whose path rules are checked: code and scripts, not documentation or data. */
export function isPathChecked(file: string, firstLine: string): boolean {
  const name = posix.basename(file);
  if (/\.(?:[cm]?[jt]sx?|sh|ya?ml)$/.test(name) && !name.endsWith('.d.ts')) return true;
  if (name === 'package.json' || /^tsconfig.*\.json$/.test(name)) return true;
  return !name.includes('.') && firstLine.startsWith('#!');
}

/** Path rule violations of one file; `file` is relative to the repository root, posix separators. */
export function checkPaths(file: string, source: string): PathViolation[] {
  const isCode = /\.[cm]?[jt]sx?$/.test(file);
  const lines = source.split('\n');
  const out: PathViolation[] = [];
  lines.forEach((text, index) => {
    if (text.includes(PATH_ALLOW_MARKER) || (lines[index - 1] ?? '').includes(PATH_ALLOW_MARKER)) return;
    for (const message of checkLine(file, text, isCode)) out.push({ file, line: index + 1, message });
  });
  return out;
}
