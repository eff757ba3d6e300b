import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { nodeDurableFs, writeFileDurably, type DurableFs } from '../../../../../electron/services/packets/durableFile';
import { rejectsWithCode } from '../../../../helpers/assertAppError';
import { makeTempDir } from '../../../../helpers/tempDir';

describe('writeFileDurably', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('durable-file-');
  });
  afterEach(() => temp.remove());

  it('writes the whole file under its name and leaves no temp file', async () => {
    const path = await writeFileDurably(temp.path, 'p.zip', Buffer.from('packet bytes'));
    assert.equal(path, join(temp.path, 'p.zip'));
    assert.equal(readFileSync(path, 'utf8'), 'packet bytes');
    assert.deepEqual(readdirSync(temp.path), ['p.zip']);
  });

  it("never writes into a temp name that is already taken (another build's), and leaves that file as it was", async () => {
    const other = join(temp.path, '.other.zip.0000.part');
    writeFileSync(other, 'another build');
    // the random temp name collides: every open lands on the other build's file
    const colliding: DurableFs = { ...nodeDurableFs, open: (_path, flags, mode) => nodeDurableFs.open(other, flags, mode) };
    const finalPath = join(temp.path, 'p.zip');
    await rejectsWithCode(writeFileDurably(temp.path, 'p.zip', Buffer.from('packet bytes'), colliding), 'ERR_PACKET_WRITE_FAILED', { path: finalPath, reason: 'EEXIST' });
    assert.equal(readFileSync(other, 'utf8'), 'another build');
    assert.deepEqual(readdirSync(temp.path), ['.other.zip.0000.part']);
  });
});
