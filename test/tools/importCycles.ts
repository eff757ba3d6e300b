import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { findImports } from './importRules';

/** One import circle: the files in it, repository-relative, sorted. */
export type ImportCycle = readonly string[];

/**
 * The circles (strongly connected groups, type imports included) in a graph of relative imports.
 * `files` maps a repository-relative path to its source.
 */
export function findImportCycles(files: ReadonlyMap<string, string>): ImportCycle[] {
  const edges = new Map<string, string[]>();
  for (const [file, source] of files) {
    const targets: string[] = [];
    for (const { specifier } of findImports(source)) {
      if (!specifier.startsWith('.')) continue;
      const base = join(dirname(file), specifier).split(sep).join('/');
      const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) => files.has(c));
      if (target) targets.push(target);
    }
    edges.set(file, targets);
  }
  // Tarjan's algorithm, iterative enough for a few hundred files
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: ImportCycle[] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const file of files.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/**
 * A zustand store and its slices name each other's types (the store's type is built from the
 * slices' actions; a slice's actions get the store's set/get): a circle inside one `store/`
 * folder is that pattern. Any other circle ties features together and is refused.
 */
export function isAllowedCycle(cycle: ImportCycle): boolean {
  const storeDir = (file: string) => /^(.*\/store)\//.exec(file)?.[1];
  const first = storeDir(cycle[0]!);
  return first !== undefined && cycle.every((f) => storeDir(f) === first);
}

/** The renderer's refused circles, as lint problems. */
export function checkRendererCycles(root: string, sourceFiles: readonly string[], read: (file: string) => string): string[] {
  const files = new Map<string, string>();
  for (const file of sourceFiles) {
    const rel = relative(root, file).split(sep).join('/');
    if (rel.startsWith('renderer/') && existsSync(file)) files.set(rel, read(file));
  }
  return findImportCycles(files)
    .filter((c) => !isAllowedCycle(c))
    .map((c) => `${c[0]}:1: import circle through ${c.length} files (${c.join(' → ')}): a feature exports its own hooks; nothing under features/ imports AppStores.tsx`);
}
