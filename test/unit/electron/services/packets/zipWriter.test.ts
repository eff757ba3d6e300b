import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { DEFLATE_CHUNK, deflateParallel, zipEntries } from '../../../../../electron/services/packets/zipWriter';
import { unzipEntries } from '../../../../../electron/services/packets/unzipEntries';

/** Mixed content: incompressible, then very redundant, then base64 text, over several chunks. */
function mixed(): Buffer {
  return Buffer.concat([randomBytes(DEFLATE_CHUNK + 1000), Buffer.alloc(DEFLATE_CHUNK, 'ab'), Buffer.from(randomBytes(DEFLATE_CHUNK).toString('base64'))]);
}

describe('zipWriter', () => {
  it('deflates large data in chunks that inflate back as one stream', async () => {
    const data = mixed();
    const out = await deflateParallel(data, 1);
    assert.deepEqual(inflateRawSync(out), data);
  });

  it('still compresses redundant and base64 chunks', async () => {
    const text = Buffer.from(randomBytes(3 * DEFLATE_CHUNK).toString('base64'));
    assert.ok((await deflateParallel(text, 1)).length < text.length * 0.76);
    const redundant = Buffer.alloc(3 * DEFLATE_CHUNK, 'abc');
    assert.ok((await deflateParallel(redundant, 1)).length < redundant.length / 50);
  });

  it('handles empty and tiny inputs', async () => {
    assert.deepEqual(inflateRawSync(await deflateParallel(Buffer.alloc(0), 1)), Buffer.alloc(0));
    assert.deepEqual(inflateRawSync(await deflateParallel(Buffer.from('x'), 1)), Buffer.from('x'));
  });

  it('writes a zip other readers open: stored and deflated entries, UTF-8 names, no data descriptors', async () => {
    const entries = [
      { name: 'REGISTRATION_CLIENT/NEW/x_id.zip', bytes: randomBytes(5000), deflate: false },
      { name: 'ID.json', bytes: Buffer.from('{"identity":{"fullName":"Conceição"}}'), deflate: true },
      { name: 'big.pdf', bytes: mixed(), deflate: true },
    ];
    const zip = await zipEntries(entries, new Date(Date.UTC(2026, 10, 22, 9, 0, 0)), 1);
    const read = await unzipEntries(zip);
    assert.deepEqual([...read.keys()], entries.map((e) => e.name));
    for (const e of entries) assert.deepEqual(read.get(e.name), e.bytes);
    // general-purpose flag of every local header: UTF-8 set, bit 3 (data descriptor) clear
    for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 3, 4])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 3, 4]), at + 4)) {
      if (at > zip.length - 30) break;
      const flags = zip.readUInt16LE(at + 6);
      if (zip.readUInt16LE(at + 4) !== 20) continue; // a signature inside random data, not a header
      assert.equal(flags & 0x08, 0);
      assert.equal(flags & 0x800, 0x800);
    }
  });
});
