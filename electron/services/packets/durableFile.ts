import { randomBytes } from 'node:crypto';
import { link, open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../schemas/errors';

/** Suffix of files being written; startup cleanup removes any it finds. */
export const PART_SUFFIX = '.part';

/** The file operations used, injectable so tests can simulate a full disk. */
export interface DurableFs {
  open(path: string, flags: string, mode?: number): Promise<FileHandle>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(path: string): Promise<void>;
}
export const nodeDurableFs: DurableFs = { open, link, unlink };

const CHUNK = 1 << 20;

/**
 * Writes `bytes` as `dir/fileName` so that a crash leaves either nothing or the whole file:
 * temp file (`.<name>.<random>.part`, exclusive create) → write in chunks → fsync → close →
 * atomic hard link to the final name → remove the temp name → fsync the directory so both survive
 * power loss. A link, not a rename, because rename silently replaces an existing packet file.
 * @throws AppError ERR_PACKET_DISK_FULL (ENOSPC/EDQUOT), ERR_PACKET_WRITE_FAILED (EEXIST when the
 *   packet file already exists, which is left untouched); the temp file is removed
 */
export async function writeFileDurably(dir: string, fileName: string, bytes: Uint8Array, fs: DurableFs = nodeDurableFs): Promise<string> {
  const finalPath = join(dir, fileName);
  const tempPath = join(dir, `.${fileName}.${randomBytes(4).toString('hex')}${PART_SUFFIX}`);
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(tempPath, 'wx', 0o600);
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const chunk = bytes.subarray(at, Math.min(at + CHUNK, bytes.length));
      let written = 0;
      while (written < chunk.length) written += (await handle.write(chunk, written, chunk.length - written)).bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.link(tempPath, finalPath);
    await fs.unlink(tempPath);
    await syncDirectory(dir);
    return finalPath;
  } catch (cause) {
    await handle?.close().catch(() => undefined); // already failing: the write error is what matters
    await fs.unlink(tempPath).catch(() => undefined); // may not exist if open failed
    const code = (cause as { code?: string }).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('ERR_PACKET_DISK_FULL', { path: finalPath }, { cause });
    throw new AppError('ERR_PACKET_WRITE_FAILED', { path: finalPath, reason: code ?? (cause as Error).message }, { cause });
  }
}

/** fsync of a directory, so a link, rename or unlink in it survives power loss. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows; NTFS journals the link
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
