import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';

/** Size and lowercase SHA-256 of a file, streamed (a backup holds thousands of packets; none is read whole). */
export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** fsync of one file: the manifest is only written once everything it lists is on the disk. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies, syncs and hashes the copy: the manifest records what the backup holds, not what was read. */
export async function copyDurably(from: string, to: string): Promise<{ size: number; sha256: string }> {
  await copyFile(from, to);
  await syncFile(to);
  return hashFile(to);
}
