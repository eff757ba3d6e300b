import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in the repository's package.json (the CLI runs from the source tree, as `npm run cli`). */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
