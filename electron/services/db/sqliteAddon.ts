import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let located: string | null | undefined;

/**
 * The path of better-sqlite3's compiled addon when plain Node runs us from node_modules (the CLI,
 * the browser host, tests). Given to the constructor, it skips the `bindings` package, which reads
 * a stack trace and tries a dozen folders to find the same file: 15–25 ms of every CLI command.
 * Under Electron (addons unpacked beside app.asar) and when the file is not where the package
 * builds it, undefined: the package's own search then runs, as before.
 */
export function sqliteAddonPath(): string | undefined {
  if (located === undefined) located = locate();
  return located ?? undefined;
}

function locate(): string | null {
  if (process.versions.electron !== undefined) return null;
  try {
    const from = typeof __filename === 'string' ? __filename : import.meta.url;
    const pkg = createRequire(from).resolve('better-sqlite3-multiple-ciphers/package.json');
    const addon = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
    return existsSync(addon) ? addon : null;
  } catch {
    return null;
  }
}
