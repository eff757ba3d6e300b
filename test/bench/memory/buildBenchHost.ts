import { join } from 'node:path';
import { build } from 'esbuild';
import { buildElectron, buildRenderer, MAIN_EXTERNALS } from '../../../electron/build/buildAll';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** the bench's host bundle, beside the app's own (dist/electron) */
export const BENCH_HOST = join(ROOT, 'dist', 'bench', 'hostProcess.cjs');
/** the packet worker the app's build bundles; the host is told where it is, as the Electron main is */
export const PACKET_WORKER = join(ROOT, 'dist', 'electron', 'packetBuildWorker.cjs');

/**
 * Builds what the memory bench runs: the app's build (renderer, main-process bundles, packet worker)
 * and the bench's host entry (test/bench/scale/hostProcess.ts) bundled the way buildElectron
 * bundles the Electron main (one CommonJS file for Node 20, native modules outside), so the host
 * process runs the built main-process code in plain Node, without tsx compiling at run time.
 */
export async function buildBenchHost(): Promise<void> {
  await buildRenderer();
  await buildElectron();
  await build({
    entryPoints: [join(ROOT, 'test', 'bench', 'scale', 'hostProcess.ts')],
    outfile: BENCH_HOST,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    external: [...MAIN_EXTERNALS],
  });
}
