import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER_DIST = join(ROOT, 'dist', 'renderer');
const ELECTRON_DIST = join(ROOT, 'dist', 'electron');

/**
 * Native and Electron-provided modules stay outside the main-process bundle, and so does OpenJPEG,
 * whose loader reads its .wasm from its own folder (`__dirname`), which a bundle would move.
 */
const MAIN_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', 'usb', 'serialport', '@serialport/*', '@cornerstonejs/codec-openjpeg'];

/** Bundles the renderer (browser) into dist/renderer. */
export async function buildRenderer(options: { minify?: boolean } = {}): Promise<void> {
  mkdirSync(join(RENDERER_DIST, 'assets'), { recursive: true });
  await build({
    entryPoints: { app: join(ROOT, 'renderer', 'main.tsx') },
    outdir: join(RENDERER_DIST, 'assets'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['chrome120'],
    jsx: 'automatic',
    minify: options.minify ?? true,
    sourcemap: true,
    loader: { '.json': 'json', '.woff2': 'file', '.svg': 'file' },
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  copyFileSync(join(ROOT, 'renderer', 'index.html'), join(RENDERER_DIST, 'index.html'));
}

/** Bundles the Electron main process and the sandboxed preload (one CommonJS file each). */
export async function buildElectron(): Promise<void> {
  // import.meta appears only on paths the bundle never takes (the tsx worker bootstrap, the .ts
  // worker default): the Electron main passes the bundled worker entry explicitly.
  const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } };
  await build({ ...common, entryPoints: [join(ROOT, 'electron', 'shell', 'main.ts')], outfile: join(ELECTRON_DIST, 'main.cjs'), external: MAIN_EXTERNALS });
  // The packet worker runs in its own thread: its own bundle, loaded by PacketBuilderPool.
  await build({ ...common, entryPoints: [join(ROOT, 'electron', 'services', 'packets', 'packetBuildWorker.ts')], outfile: join(ELECTRON_DIST, 'packetBuildWorker.cjs'), external: MAIN_EXTERNALS });
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  await build({ ...common, entryPoints: [join(ROOT, 'electron', 'shell', 'preload.ts')], outfile: join(ELECTRON_DIST, 'preload.cjs'), external: ['electron'] });
}

if (process.argv[1]?.endsWith('buildAll.ts')) {
  await buildRenderer();
  await buildElectron();
  console.log('built dist/renderer and dist/electron');
}
