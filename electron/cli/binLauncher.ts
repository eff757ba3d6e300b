/**
 * The `regclient` bin: loads the bundled CLI (regclient-main.cjs) through V8's code cache.
 *
 * Compiling the bundle was most of a command's start-up. A cache made when the script is compiled
 * (Node's own compile cache, v8-compile-cache) holds only the top level: every function a command
 * calls is compiled again on each run. This one is written after the first run of a command area,
 * so it holds the functions that run used, and later runs of that area compile almost nothing.
 * One cache per area (the first command word), keyed by the bundle's size and time and by the
 * Node version, in a folder only this user can write (V8 runs what the cache holds).
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const MAIN = join(__dirname, 'regclient-main.cjs');

/** A folder of this user's, not writable by others, or undefined (then no cache: only slower). */
function cacheFolder(): string | undefined {
  const uid = process.getuid?.() ?? 'user';
  const folder = join(tmpdir(), `regclient-code-cache-${uid}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const st = statSync(folder);
    const ownedByUs = process.getuid === undefined || st.uid === process.getuid();
    return st.isDirectory() && ownedByUs && (st.mode & 0o022) === 0 ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** The command's first word (skipping global options and their values), which names its area. */
function commandArea(argv: readonly string[]): string {
  const word = argv.find((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--data-dir' && argv[i - 1] !== '--server');
  return word !== undefined && /^[a-z][a-z-]{0,19}$/.test(word) ? word : 'other';
}

function cacheFile(folder: string): string {
  const area = commandArea(process.argv.slice(2));
  const st = statSync(MAIN);
  return join(folder, `${area}-${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}-${process.arch}.bin`);
}

function readCache(path: string | undefined): Buffer | undefined {
  try {
    return path === undefined ? undefined : readFileSync(path);
  } catch {
    return undefined;
  }
}

const folder = cacheFolder();
const path = folder === undefined ? undefined : cacheFile(folder);
const cached = readCache(path);
const source = readFileSync(MAIN, 'utf8');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: MAIN, ...(cached ? { cachedData: cached } : {}) });

if (path !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
  process.once('exit', () => {
    try {
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      renameSync(temp, path);
    } catch {
      // no cache: the next run only starts more slowly
    }
  });
}

const mainModule = { exports: {} };
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
run(mainModule.exports, createRequire(MAIN), mainModule, MAIN, dirname(MAIN));
