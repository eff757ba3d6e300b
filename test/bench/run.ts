/**
 * `npm run bench -- <area>`: runs test/bench/<area>.ts, whose default export prints its figures.
 * Benchmarks print numbers; they are not pass/fail tests.
 */
const AREAS = ['packet', 'devices', 'sync', 'flow', 'cli', 'documents', 'scale', 'memory'] as const;
const area = process.argv[2];
if (!area || !(AREAS as readonly string[]).includes(area)) {
  console.error(`usage: npm run bench -- <area>   (areas: ${AREAS.join(', ')})`);
  process.exit(2);
}
const mod = (await import(`./${area}.ts`)) as { default: (args: string[]) => Promise<void> };
await mod.default(process.argv.slice(3));
export {};
