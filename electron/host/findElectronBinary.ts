import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable when the npm package downloaded it, else undefined (our build machines
 * install with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Reads the package's path.txt instead of importing
 * 'electron', which only electron/shell/ may do.
 */
export function findElectronBinary(): string | undefined {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    // No electron package at all (production browser-host installs): same as no binary.
    return undefined;
  }
}
