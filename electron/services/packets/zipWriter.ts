import { constants, crc32, deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const deflateRawAsync = promisify(deflateRaw);

/** One entry to zip; `deflate: false` stores it (ciphertext does not compress). */
export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly deflate: boolean;
}

/** Deflate work unit: large entries are cut so both cores (the libuv pool) share one big file. */
export const DEFLATE_CHUNK = 512 * 1024;
/** Bytes of each chunk compressed both ways to choose the strategy. */
const PROBE = 32 * 1024;
/** Below this, the LZ77 pass is skipped only if it saves less than 1% over Huffman coding alone. */
const LZ_GAIN = 0.99;

/**
 * Chooses the zlib strategy for one chunk. High-entropy data (scanned images, ISO JP2/WSQ records
 * and their base64 in CBEFF) gains nothing from LZ77 matching, which is where level-1 deflate
 * spends ~80% of its time; Huffman coding alone gives the same size (0.753 on base64) in a
 * quarter of the time. Redundant data keeps the default strategy.
 */
async function strategyFor(chunk: Uint8Array, level: number): Promise<number> {
  if (chunk.length <= PROBE * 2) return constants.Z_DEFAULT_STRATEGY;
  const probe = chunk.subarray(0, PROBE);
  const [lz, huffman] = await Promise.all([
    deflateRawAsync(probe, { level, strategy: constants.Z_DEFAULT_STRATEGY }),
    deflateRawAsync(probe, { level, strategy: constants.Z_HUFFMAN_ONLY }),
  ]);
  return lz.length < huffman.length * LZ_GAIN ? constants.Z_DEFAULT_STRATEGY : constants.Z_HUFFMAN_ONLY;
}

async function deflateChunk(chunk: Uint8Array, level: number, last: boolean): Promise<Buffer> {
  const strategy = await strategyFor(chunk, level);
  return deflateRawAsync(chunk, { level, strategy, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
}

/**
 * Raw DEFLATE of `data` as independent chunks compressed concurrently on the libuv pool and
 * concatenated, as pigz does: every chunk but the last ends with a sync flush (an empty stored
 * block, byte-aligned, BFINAL=0), so the concatenation is one valid deflate stream any inflater
 * (Java's `Inflater`) reads. The dictionary restarts per chunk, costing well under 1% in size;
 * each chunk gets its own strategy (`strategyFor`).
 */
export async function deflateParallel(data: Uint8Array, level: number): Promise<Buffer> {
  const jobs: Promise<Buffer>[] = [];
  for (let at = 0; at < data.length || at === 0; at += DEFLATE_CHUNK) {
    const end = Math.min(at + DEFLATE_CHUNK, data.length);
    const last = end === data.length;
    jobs.push(deflateChunk(data.subarray(at, end), level, last));
    if (last) break;
  }
  return Buffer.concat(await Promise.all(jobs));
}

/** An entry ready to be laid out: CRC and both sizes known, so no data descriptor is needed. */
export interface PreparedEntry {
  readonly name: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

/** Compresses (or not) and checksums one entry; CRC-32 is zlib's native one. */
export async function prepareEntry(entry: ZipEntry, level: number): Promise<PreparedEntry> {
  const data = entry.deflate ? await deflateParallel(entry.bytes, level) : entry.bytes;
  return { name: Buffer.from(entry.name, 'utf8'), method: entry.deflate ? 8 : 0, crc: crc32(entry.bytes), size: entry.bytes.length, data };
}

const LIMIT = 0xffffffff;

/**
 * Writes a classic (non-zip64) zip: local header with CRC and sizes (general-purpose bit 3 clear,
 * bit 11 = UTF-8 names), data, central directory, end record. Java's `ZipInputStream` reads
 * STORED entries only in this form (reference §1.12). Entries are not reordered.
 */
export function layoutZip(entries: readonly PreparedEntry[], mtime: Date): Buffer {
  const { time, date } = dosDateTime(mtime);
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (e.size >= LIMIT || e.data.length >= LIMIT || offset >= LIMIT) throw new RangeError('layoutZip: entry needs zip64, which packets never should');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names; no data descriptor
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE((3 << 8) | 20, 4); // made by: unix, 2.0
    local.copy(cd, 6, 4, 30); // version needed … name length, same fields as the local header
    cd.writeUInt16LE(0, 32); // comment length
    cd.writeUInt16LE(0, 34); // disk number
    cd.writeUInt16LE(0, 36); // internal attributes
    cd.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: regular file rw-r--r--
    cd.writeUInt32LE(offset, 42);
    parts.push(local, e.name, e.data);
    central.push(cd, e.name);
    offset += 30 + e.name.length + e.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBytes, end]);
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Zips entries in memory: all entries are compressed concurrently, then laid out in order. */
export async function zipEntries(entries: readonly ZipEntry[], mtime: Date, level: number): Promise<Buffer> {
  return layoutZip(await Promise.all(entries.map((e) => prepareEntry(e, level))), mtime);
}
