import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFileImports } from './importRules';
import { checkSource } from './sourceRules';

const ROOT = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'release']);
// The rule files quote the patterns they ban.
const SOURCE_RULE_EXEMPT = new Set(['test/tools/sourceRules.ts', 'test/unit/tools/sourceRules.test.ts']);

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

export function lintTree(root = ROOT): string[] {
  const problems: string[] = [];
  for (const file of listSourceFiles(root)) {
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
