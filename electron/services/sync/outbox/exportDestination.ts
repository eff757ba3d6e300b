import { randomBytes } from 'node:crypto';
import { copyFile, open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../../../../schemas/errors';
import { syncDirectory } from '../../packets/durableFile';

/**
 * Checks an export destination before anything is written, each rule with its own code:
 * it exists (never created: a mistyped path or an unplugged USB stick must not be silently
 * filled on the local disk), is a directory, is writable, and is not inside the data dir (an
 * export that stays on the machine's own disk protects nothing, and the startup cleanup and
 * retention own that tree). Symbolic links are resolved on both sides before comparing.
 * Writable is proven by creating and removing a probe file, not by access(2): that answers yes to
 * root whatever the mode bits, and says nothing of a full or failing USB stick.
 * @returns the destination's real path
 * @throws AppError ERR_SYNC_EXPORT_DIR_MISSING, ERR_SYNC_EXPORT_DIR_NOT_A_DIRECTORY,
 *   ERR_SYNC_EXPORT_DIR_NOT_WRITABLE, ERR_SYNC_EXPORT_DIR_IN_DATA_DIR
 */
export async function checkExportDestination(dir: string, dataDir: string, fs: ExportFs = nodeExportFs): Promise<string> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ENOENT') throw new AppError('ERR_SYNC_EXPORT_DIR_MISSING', { field: 'dir', dir }, { cause });
    if (code === 'ENOTDIR') throw new AppError('ERR_SYNC_EXPORT_DIR_NOT_A_DIRECTORY', { field: 'dir', dir }, { cause });
    throw new AppError('ERR_SYNC_EXPORT_DIR_NOT_WRITABLE', { field: 'dir', dir, reason: (cause as { code?: string }).code ?? (cause as Error).message }, { cause });
  }
  if (!(await stat(real)).isDirectory()) throw new AppError('ERR_SYNC_EXPORT_DIR_NOT_A_DIRECTORY', { field: 'dir', dir });
  // before the write probe: nothing, not even a probe, is written inside the data dir
  const realData = await realpath(dataDir).catch(() => dataDir);
  const rel = relative(realData, real);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  if (!outside) throw new AppError('ERR_SYNC_EXPORT_DIR_IN_DATA_DIR', { field: 'dir', dir, dataDir });
  const probe = join(real, `.regclient-write-probe-${randomBytes(4).toString('hex')}`);
  try {
    await fs.writeFile(probe, new Uint8Array(0));
    await fs.unlink(probe);
  } catch (cause) {
    throw new AppError('ERR_SYNC_EXPORT_DIR_NOT_WRITABLE', { field: 'dir', dir, reason: (cause as { code?: string }).code ?? 'no write permission' }, { cause });
  }
  return real;
}

/** The file operations of an export, injectable so a test can see their order and make one fail. */
export interface ExportFs {
  copyFile(from: string, to: string): Promise<void>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** fsync of a regular file's data */
  syncFile(path: string): Promise<void>;
  /** fsync of a directory, so the renames in it survive power loss */
  syncDir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeExportFs: ExportFs = {
  copyFile: (from, to) => copyFile(from, to),
  writeFile: (path, bytes) => writeFile(path, bytes),
  async syncFile(path) {
    const handle = await open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  syncDir: syncDirectory,
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
};

/** Temp name of a file being exported: a reader of the USB stick never takes it for a packet. */
export const exportTempName = (fileName: string): string => `${fileName}.part`;

/**
 * Places `fileName` in `dir` from `source` (a path to copy) or `bytes`: temp name → fsync of the
 * file → rename. The caller fsyncs `dir` once after the last rename (see {@link ExportFs.syncDir}).
 */
export async function placeDurably(fs: ExportFs, dir: string, fileName: string, content: { readonly source: string } | { readonly bytes: Uint8Array }): Promise<void> {
  const temp = join(dir, exportTempName(fileName));
  if ('source' in content) await fs.copyFile(content.source, temp);
  else await fs.writeFile(temp, content.bytes);
  await fs.syncFile(temp);
  await fs.rename(temp, join(dir, fileName));
}
