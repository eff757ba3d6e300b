import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZipFile } from 'yazl';
import { DEFAULT_ZIP_LIMITS, unzipEntries } from '../../../../../electron/services/packets/unzipEntries';
import { isAppError } from '../../../../../schemas/errors';

function zipOf(entries: readonly { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(e.bytes, e.name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const limitError = (rule: string) => (err: unknown) => isAppError(err) && err.code === 'ERR_PACKET_ZIP_LIMIT' && (err.details as { rule: string }).rule === rule;

/** Zips from a server, a file or a USB stick are hostile until read (issue 12, item 4). */
describe('unzip limits', () => {
  it('refuses a zip bomb by its ratio before inflating it: 100 MiB of zeros in a few hundred KiB', async () => {
    const bomb = await zipOf([{ name: 'ID.json', bytes: Buffer.alloc(100 * 1024 * 1024) }]);
    assert.ok(bomb.length < 1024 * 1024, `the bomb is ${bomb.length} bytes`);
    const before = process.memoryUsage().arrayBuffers;
    await assert.rejects(unzipEntries(bomb), limitError('ratio'));
    // the refusal comes from the directory: nothing near 100 MiB was inflated
    assert.ok(process.memoryUsage().arrayBuffers - before < 50 * 1024 * 1024);
  });

  it('refuses more entries than a packet has', async () => {
    const many = await zipOf(Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from('x') })));
    await assert.rejects(unzipEntries(many), limitError('entries'));
  });

  it('refuses entries whose sizes add up past the total, counting from the directory', async () => {
    const random = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919) % 251));
    const zip = await zipOf([{ name: 'a.bin', bytes: random(600_000) }, { name: 'b.bin', bytes: random(600_000) }]);
    await assert.rejects(unzipEntries(zip, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1_000_000 }), (err: unknown) => limitError('totalBytes')(err) && (err as { details: { entry: string } }).details.entry === 'b.bin');
    assert.equal((await unzipEntries(zip, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1_200_000 })).size, 2);
  });

  it('reads an ordinary packet-like zip, small JSON that compresses well included', async () => {
    const json = Buffer.from(JSON.stringify({ identity: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`field${i}`, 'same value'])) }));
    const entries = await unzipEntries(await zipOf([{ name: 'ID.json', bytes: json }, { name: 'doc.pdf', bytes: Buffer.from('%PDF-1.4 …') }]));
    assert.deepEqual([...entries.keys()], ['ID.json', 'doc.pdf']);
    assert.deepEqual(entries.get('ID.json'), json);
  });
});
