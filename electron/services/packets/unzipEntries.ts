import yauzl from 'yauzl';
import { AppError } from '../../../schemas/errors';

/** What an unzip may cost; a zip from a server, a file or a USB stick is hostile until read. */
export interface ZipLimits {
  readonly maxEntries: number;
  /** uncompressed bytes of all entries together */
  readonly maxTotalBytes: number;
  /** uncompressed/compressed of one entry, checked once it is over 1 MiB (small JSON compresses well) */
  readonly maxRatio: number;
}

/**
 * A packet or pre-registration zip holds tens of entries and a few MB (MOSIP caps packets at
 * tens of MB); a 299 KiB zip that inflates to 300 MiB is a bomb, refused from its directory.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 128 * 1024 * 1024, maxRatio: 200 };
const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Reads every entry of an in-memory zip into a name → bytes map. Sizes are checked against the
 * central directory before anything is inflated, and yauzl's `validateEntrySizes` makes an entry
 * that inflates past its declared size fail, so a lying directory cannot get around the limits.
 * @throws AppError ERR_PACKET_ZIP_LIMIT when a limit is passed; Error when the bytes are not a zip, or an entry name repeats
 */
export async function unzipEntries(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z)));
  });
  const out = new Map<string, Buffer>();
  try {
    if (zip.entryCount > limits.maxEntries) throw new AppError('ERR_PACKET_ZIP_LIMIT', { rule: 'entries', limit: limits.maxEntries, found: zip.entryCount });
    let total = 0;
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(undefined));
        zip.once('error', reject);
        zip.readEntry();
      });
      if (!entry) break;
      zip.removeAllListeners();
      if (out.has(entry.fileName)) throw new Error(`duplicate zip entry ${entry.fileName}`);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw new AppError('ERR_PACKET_ZIP_LIMIT', { rule: 'totalBytes', limit: limits.maxTotalBytes, found: total, entry: entry.fileName });
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
        throw new AppError('ERR_PACKET_ZIP_LIMIT', { rule: 'ratio', limit: limits.maxRatio, found: Math.round(ratio), entry: entry.fileName });
      }
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
        zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s)));
      });
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      out.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return out;
}
