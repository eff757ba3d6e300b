import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER_DIST = join(ROOT, 'dist', 'renderer');
const ELECTRON_DIST = join(ROOT, 'dist', 'electron');
/** the built `regclient` bin (package.json "bin"): one CommonJS file, no TypeScript compile at start */
export const CLI_BIN = join(ROOT, 'dist', 'cli', 'regclient.cjs');
/** the bundled CLI that the bin loads */
export const CLI_MAIN = join(ROOT, 'dist', 'cli', 'regclient-main.cjs');
/** the error texts of the four languages and i18next, which the CLI loads only when a command fails */
const CLI_ERRORS = join(ROOT, 'dist', 'cli', 'regclient-errors.cjs');
const CLI_ERROR_TEXT_SOURCE = join(ROOT, 'electron', 'cli', 'errorText.ts');

/**
 * Native and Electron-provided modules stay outside the main-process bundle, and so does OpenJPEG,
 * whose loader reads its .wasm from its own folder (`__dirname`), which a bundle would move.
 */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', 'usb', 'serialport', '@serialport/*', '@cornerstonejs/codec-openjpeg', '@napi-rs/keyring', 'sharp'];

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
  // beside index.html, from the app's own origin: the CSP's img-src 'self' covers it, no inline data
  copyFileSync(join(ROOT, 'renderer', 'favicon.svg'), join(RENDERER_DIST, 'favicon.svg'));
}

/** Bundles the Electron main process and the sandboxed preload (one CommonJS file each). */
export async function buildElectron(): Promise<void> {
  // import.meta appears only on paths the bundle never takes (the tsx worker bootstrap, the .ts
  // worker default): the Electron main passes the bundled worker entry explicitly.
  const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } };
  await build({ ...common, entryPoints: [join(ROOT, 'electron', 'shell', 'main.ts')], outfile: join(ELECTRON_DIST, 'main.cjs'), external: MAIN_EXTERNALS });
  // The packet worker runs in its own thread: its own bundle, loaded by PacketBuilderPool.
  await build({ ...common, entryPoints: [join(ROOT, 'electron', 'services', 'packets', 'packetBuildWorker.ts')], outfile: join(ELECTRON_DIST, 'packetBuildWorker.cjs'), external: MAIN_EXTERNALS });
  // The backup snapshot worker (VACUUM INTO off the main thread), loaded by BackupService.
  await build({ ...common, entryPoints: [join(ROOT, 'electron', 'services', 'backup', 'snapshotWorker.ts')], outfile: join(ELECTRON_DIST, 'snapshotWorker.cjs'), external: MAIN_EXTERNALS });
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  await build({ ...common, entryPoints: [join(ROOT, 'electron', 'shell', 'preload.ts')], outfile: join(ELECTRON_DIST, 'preload.cjs'), external: ['electron'] });
}

/**
 * Large libraries only a few commands use (receipts and documents as PDF, their fonts and images,
 * cron descriptions, the server's regex engine): left in node_modules, where `require` finds them
 * when a command first uses them, instead of in the bundle. Every command reads and maps the whole
 * bundle at start, and these were half of it (3.9 MB → 1.9 MB). Each is one file or loads
 * only when a receipt is printed, so the commands that use them pay little for the missing cache.
 */
const CLI_LOADED_WHEN_USED = ['pdf-lib', '@pdf-lib/*', 'qrcode', 'bidi-js', 'jpeg-js', 'pngjs', 'cronstrue', 'cronstrue/*', 're2js'];

/**
 * Leaves electron/cli/errorText.ts out of the main bundle, as `require('./regclient-errors.cjs')`:
 * its texts and i18next (~270 KB) would otherwise be read and mapped at every start, for the few
 * runs that fail.
 */
const errorTextApart: Plugin = {
  name: 'error-text-apart',
  setup(b) {
    b.onResolve({ filter: /[/\\]errorText$/ }, (args) =>
      join(args.resolveDir, `${args.path}.ts`) === CLI_ERROR_TEXT_SOURCE ? { path: './regclient-errors.cjs', external: true } : undefined,
    );
  },
};

/**
 * Bundles the command line into dist/cli/regclient.cjs. Under tsx every command spent ~0.55 s
 * compiling TypeScript; the bundle starts in plain Node. Native modules stay external (they load
 * from node_modules), and the version is fixed at build time (no package.json beside the bundle).
 */
export async function buildCli(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const node: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
  await build({
    ...node,
    entryPoints: [join(ROOT, 'electron', 'cli', 'regclient.ts')],
    outfile: CLI_MAIN,
    // better-sqlite3's JavaScript is bundled, so it shares the code cache; its addon loads from
    // node_modules by path (db/sqliteAddon.ts), which is why the bundle never needs `bindings`
    external: [...MAIN_EXTERNALS.filter((name) => name !== 'better-sqlite3-multiple-ciphers'), '*.node', ...CLI_LOADED_WHEN_USED],
    define: { __REGCLIENT_VERSION__: JSON.stringify(pkg.version) },
    // less to parse at every start; names kept for the stack of an internal error
    minify: true,
    keepNames: true,
    // import.meta is only on paths the CLI never takes (the tsx worker bootstrap of PacketBuilderPool)
    logOverride: { 'empty-import-meta': 'silent' },
    plugins: [errorTextApart],
    // the launcher runs the bundle as a vm.Script, where import() of a file has no loader: a lazy
    // import of an external module (the error texts, a native binding) must become require()
    supported: { 'dynamic-import': false },
  });
  await build({ ...node, entryPoints: [CLI_ERROR_TEXT_SOURCE], outfile: CLI_ERRORS, minify: true, keepNames: true });
  // the bin itself only loads the bundle through V8's code cache (binLauncher.ts)
  await build({
    ...node,
    entryPoints: [join(ROOT, 'electron', 'cli', 'binLauncher.ts')],
    outfile: CLI_BIN,
    banner: { js: '#!/usr/bin/env node' },
    external: ['./regclient-main.cjs'],
  });
  chmodSync(CLI_BIN, 0o755);
}

if (process.argv[1]?.endsWith('buildAll.ts')) {
  const only = process.argv[2];
  if (only !== 'cli') {
    await buildRenderer();
    await buildElectron();
  }
  await buildCli();
  console.log(only === 'cli' ? 'built dist/cli/regclient.cjs' : 'built dist/renderer, dist/electron and dist/cli/regclient.cjs');
}
