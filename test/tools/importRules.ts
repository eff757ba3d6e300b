import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The "may import" table of ARCHITECTURE.md as code. Every npm package is classed once:
 * `std` runs anywhere, `dom` needs a browser, `node` needs Node, `test` only in test/ and
 * build scripts. An unclassed package fails the check, so a new dependency is a decision.
 */
export const PACKAGE_CLASSES: Readonly<Record<string, 'std' | 'dom' | 'node' | 'test' | 'electron'>> = {
  zod: 'std',
  re2js: 'std',
  jose: 'std',
  i18next: 'std',
  'node-forge': 'std',
  qrcode: 'std',
  xmlbuilder2: 'std',
  'jpeg-js': 'std',
  'pdf-lib': 'std',
  '@pdf-lib/fontkit': 'std',
  'cron-parser': 'std',
  cronstrue: 'std',
  react: 'dom',
  'react-dom': 'dom',
  'react-aria-components': 'dom',
  '@tanstack/react-virtual': 'dom',
  '@internationalized/date': 'dom',
  'react-i18next': 'dom',
  zustand: 'dom',
  'better-sqlite3-multiple-ciphers': 'node',
  ws: 'node',
  yazl: 'node',
  yauzl: 'node',
  pngjs: 'node',
  sharp: 'node',
  serialport: 'node',
  '@serialport/stream': 'node',
  '@cornerstonejs/codec-openjpeg': 'node',
  '@serialport/bindings-cpp': 'node',
  '@serialport/parser-readline': 'node',
  usb: 'node',
  'bidi-js': 'std',
  '@napi-rs/keyring': 'node',
  tsx: 'node',
  esbuild: 'test',
  'playwright-core': 'test',
  'axe-core': 'test',
  'js-yaml': 'test',
  '@serialport/binding-mock': 'test',
  electron: 'electron',
};

/**
 * schemas/ runs anywhere with no I/O: zod, and re2js, the pure linear-time regex engine that the
 * shared field rules run server-supplied validators on (issue 12; a backtracking RegExp would let
 * one spec pattern freeze the screen).
 */
const SCHEMA_PACKAGES = new Set(['zod', 're2js']);

type Layer = 'schemas' | 'native' | 'electron/shell' | 'electron/build' | 'electron' | 'renderer' | 'test/oracle' | 'test';

const ALLOWED_LAYERS: Readonly<Record<Layer, readonly Layer[]>> = {
  schemas: ['schemas'],
  native: ['schemas', 'native'],
  'electron/shell': ['schemas', 'native', 'electron', 'electron/shell'],
  'electron/build': ['schemas', 'native', 'electron', 'electron/build'],
  electron: ['schemas', 'native', 'electron'],
  renderer: ['schemas', 'renderer'],
  // Simulators and oracles judge the client, so they may not share its code — not even through
  // test/ helpers that import it: only each other, Node and packages (ARCHITECTURE.md § Trust boundaries).
  'test/oracle': ['test/oracle'],
  test: ['schemas', 'native', 'electron', 'electron/shell', 'electron/build', 'renderer', 'test/oracle', 'test'],
};

const ALLOWED_PACKAGE_CLASSES: Readonly<Record<Layer, readonly string[]>> = {
  schemas: [],
  native: ['std', 'node'],
  'electron/shell': ['std', 'node', 'electron'],
  'electron/build': ['std', 'node', 'test'],
  electron: ['std', 'node'],
  renderer: ['std', 'dom'],
  'test/oracle': ['std', 'node', 'test'],
  test: ['std', 'dom', 'node', 'test', 'electron'],
};

export interface ImportViolation {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly message: string;
}

export function layerOf(relPath: string): Layer | undefined {
  const p = relPath.split(sep).join('/');
  if (p.startsWith('electron/shell/')) return 'electron/shell';
  if (p.startsWith('electron/build/')) return 'electron/build';
  if (p.startsWith('test/sims/') || p.startsWith('test/oracles/')) return 'test/oracle';
  for (const top of ['schemas', 'native', 'electron', 'renderer', 'test'] as const) {
    if (p.startsWith(`${top}/`)) return top;
  }
  return undefined;
}

// import … from 'x' | export … from 'x' | import 'x' | import('x') | require('x')
const IMPORT_PATTERN = /(?:^\s*import\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|^\s*export\s+(?:type\s+)?[\w*{}\s,$]+\s+from\s+|(?<!\.)\bimport\s*\(\s*|(?<!\.)\brequire\s*\(\s*)['"]([^'"]+)['"]/gm;

/** Lists the module specifiers a TypeScript source imports, with their line numbers. */
export function findImports(source: string): { specifier: string; line: number }[] {
  const out: { specifier: string; line: number }[] = [];
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const match of withoutComments.matchAll(IMPORT_PATTERN)) {
    const line = withoutComments.slice(0, match.index + match[0].length).split('\n').length;
    out.push({ specifier: match[1]!, line });
  }
  return out;
}

/**
 * Inside the back end (issue 15): the database layer serves the services and imports none of them,
 * and services are called by host/ and cli/, never the other way round.
 */
function backEndRule(file: string, target: string): string | undefined {
  const f = file.split(sep).join('/');
  const t = target.split(sep).join('/');
  if (f.startsWith('electron/services/db/') && t.startsWith('electron/services/') && !t.startsWith('electron/services/db/')) {
    return `electron/services/db/ imports no service (${t})`;
  }
  if (f.startsWith('electron/services/') && (t.startsWith('electron/host/') || t.startsWith('electron/cli/'))) {
    return `electron/services/ may not import ${t.startsWith('electron/host/') ? 'electron/host/' : 'electron/cli/'} (${t}): host and cli call services`;
  }
  return undefined;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const NODE_BUILTINS = new Set(builtinModules);

/** Checks one file's imports against the table; `root` is the repository root. */
export function checkFileImports(root: string, file: string, source: string): ImportViolation[] {
  const rel = relative(root, file);
  const layer = layerOf(rel);
  if (!layer) return [];
  const violations: ImportViolation[] = [];
  const report = (line: number, specifier: string, message: string) => violations.push({ file: rel, line, specifier, message });
  for (const { specifier, line } of findImports(source)) {
    if (specifier.startsWith('.')) {
      const target = relative(root, resolve(dirname(file), specifier));
      const targetLayer = layerOf(target) ?? (target.startsWith('..') ? undefined : 'root');
      if (targetLayer === undefined || targetLayer === 'root') {
        if (!target.startsWith('package.json')) report(line, specifier, `${layer}/ may not import ${target} (outside the layers)`);
        continue;
      }
      if (!ALLOWED_LAYERS[layer].includes(targetLayer)) {
        report(line, specifier, `${layer}/ may import only ${ALLOWED_LAYERS[layer].map((l) => `${l}/`).join(', ')}; not ${targetLayer}/`);
      }
      const inner = backEndRule(rel, target);
      if (inner) report(line, specifier, inner);
      continue;
    }
    const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if (specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(bare))) {
      if (!ALLOWED_PACKAGE_CLASSES[layer].includes('node')) {
        report(line, specifier, `${layer}/ may not use Node APIs (${specifier}); it may use ${describeClasses(layer)}`);
      }
      continue;
    }
    const name = packageName(specifier);
    if (layer === 'schemas') {
      if (!SCHEMA_PACKAGES.has(name)) report(line, specifier, 'schemas/ may import nothing but zod and re2js');
      continue;
    }
    const cls = PACKAGE_CLASSES[name];
    if (!cls) {
      report(line, specifier, `package ${name} is not classed in test/tools/importRules.ts (std, dom, node, test or electron)`);
      continue;
    }
    if (cls === 'electron' && layer !== 'electron/shell' && layer !== 'test') {
      report(line, specifier, `only electron/shell/ may import electron; ${layer}/ may use ${describeClasses(layer)}`);
      continue;
    }
    if (!ALLOWED_PACKAGE_CLASSES[layer].includes(cls)) {
      report(line, specifier, `${layer}/ may not import ${name} (a ${cls} package); it may use ${describeClasses(layer)}`);
    }
  }
  return violations;
}

function describeClasses(layer: Layer): string {
  const classes = ALLOWED_PACKAGE_CLASSES[layer];
  return classes.length === 0 ? 'no packages but zod' : `${classes.join(', ')} packages`;
}

export function joinRoot(root: string, ...parts: string[]): string {
  return join(root, ...parts);
}
