import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Set by the bundler in dist/cli/regclient.cjs (electron/build/buildAll.ts buildCli); absent under tsx. */
declare const __REGCLIENT_VERSION__: string | undefined;

/** The version in the repository's package.json (fixed at build time in the bundled bin). */
export function cliVersion(): string {
  if (typeof __REGCLIENT_VERSION__ === 'string') return __REGCLIENT_VERSION__;
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
