import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkRendererCycles } from './importCycles';
import { checkFileImports } from './importRules';
import { checkPaths, isPathChecked } from './pathRules';
import { checkSource } from './sourceRules';

const ROOT = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'release']);
// Build output, local data and scratch folders (.gitignore): not part of a clone.
const PATH_SKIP = new Set([...SKIP, '.demo-data', 'test-results', '.tmp']);
// The rule files quote the patterns they ban.
const SOURCE_RULE_EXEMPT = new Set(['test/tools/sourceRules.ts', 'test/unit/tools/sourceRules.test.ts']);
const PATH_RULE_EXEMPT = new Set(['test/tools/pathRules.ts', 'test/unit/tools/pathRules.test.ts']);

/** Every .ts/.tsx file under the layer folders. */
export function listSourceFiles(root = ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const top of ['schemas', 'native', 'electron', 'renderer', 'test']) walk(join(root, top));
  return out;
}

/** Every file of the repository the path rules apply to (code, scripts, package.json), at any depth. */
export function listPathCheckedFiles(root = ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (PATH_SKIP.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (isPathChecked(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8').slice(0, 2))) out.push(path);
    }
  };
  walk(root);
  return out;
}

/** Path rule violations over the whole repository (files outside the layer folders included). */
export function lintPaths(root = ROOT): string[] {
  const problems: string[] = [];
  for (const file of listPathCheckedFiles(root)) {
    const rel = relative(root, file).split(sep).join('/');
    if (PATH_RULE_EXEMPT.has(rel)) continue;
    for (const v of checkPaths(rel, readFileSync(file, 'utf8'))) problems.push(`${v.file}:${v.line}: ${v.message}`);
  }
  return problems;
}

export function lintTree(root = ROOT): string[] {
  const problems: string[] = [...lintPaths(root)];
  const sources = listSourceFiles(root);
  problems.push(...checkRendererCycles(root, sources, (file) => readFileSync(file, 'utf8')));
  for (const file of sources) {
    const source = readFileSync(file, 'utf8');
    const rel = relative(root, file);
    for (const v of checkFileImports(root, file, source)) problems.push(`${v.file}:${v.line}: [${v.specifier}] ${v.message}`);
    if (!SOURCE_RULE_EXEMPT.has(rel)) for (const v of checkSource(rel, source)) problems.push(`${v.file}:${v.line}: ${v.message}`);
  }
  return problems;
}

if (process.argv[1]?.endsWith('lint.ts')) {
  const problems = lintTree();
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`lint: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`lint: ${listSourceFiles().length} files checked, no problems`);
}
