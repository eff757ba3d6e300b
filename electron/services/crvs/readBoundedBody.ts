import type { IncomingMessage } from 'node:http';
import { AppError } from '../../../schemas/errors';

/**
 * Reads a request body of at most `limit` bytes. A declared Content-Length over the limit is
 * refused before a byte is read; a body that grows past it is refused as soon as it does, so a
 * sender cannot make the bridge buffer more than `limit`.
 * @throws AppError ERR_CRVS_PAYLOAD_TOO_LARGE
 */
export async function readBoundedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new AppError('ERR_CRVS_PAYLOAD_TOO_LARGE', { limitBytes: limit });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new AppError('ERR_CRVS_PAYLOAD_TOO_LARGE', { limitBytes: limit });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
