import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../schemas/errors';
import { DB_FILE, openDataDir, type OpenedDataDir } from '../host/openDataDir';
import type { CliContext } from './CliCommand';

/**
 * Refuses a data folder without a database. openDataDir creates one on first run (right for the
 * app and for set-up commands), but a read-only command that creates a fresh database and machine
 * key in the wrong folder then reports "0 packet(s)", which looks like lost data.
 * @throws AppError ERR_CLI_DATA_DIR_MISSING naming the folder and where its path came from
 */
export function requireDataDir(ctx: CliContext): void {
  if (!existsSync(join(ctx.dataDir, DB_FILE))) {
    throw new AppError('ERR_CLI_DATA_DIR_MISSING', { path: ctx.dataDir, source: ctx.dataDirSource ?? '--data-dir' });
  }
}

/**
 * Opens the CLI's data folder. Only commands that set up a machine (`operators add`,
 * `sync --initial`) pass `create: true`; every other command gets ERR_CLI_DATA_DIR_MISSING.
 */
export function openCliDataDir(ctx: CliContext, options: Readonly<{ create?: boolean }> = {}): OpenedDataDir {
  if (options.create !== true) requireDataDir(ctx);
  return openDataDir({ dataDir: ctx.dataDir, env: ctx.env });
}

/** {@link openCliDataDir} for the length of `fn`, closed however `fn` ends. */
export async function withCliDataDir<T>(ctx: CliContext, fn: (data: OpenedDataDir) => T | Promise<T>, options: Readonly<{ create?: boolean }> = {}): Promise<T> {
  const data = openCliDataDir(ctx, options);
  try {
    return await fn(data);
  } finally {
    data.close();
  }
}
