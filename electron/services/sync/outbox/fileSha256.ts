import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Uppercase hex SHA-256 of a file, streamed (packets can be 5 MB; never read whole). */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex').toUpperCase();
}
