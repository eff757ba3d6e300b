import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hashSequenceHex, recomputeSequenceHash, type HashSequenceEntry } from '../../../../../electron/services/packets/hashSequence';

// MOSIP's sample subpackets, copied from mosip/documentation (test/fixtures/README.md).
const SAMPLE = join(import.meta.dirname, '../../../../fixtures/mosip-docs/packet-structure/components');

/** Loads a sample component's recorded sequences and a base-name lookup over its files. */
function loadComponent(name: string) {
  const dir = join(SAMPLE, name);
  const meta = JSON.parse(readFileSync(join(dir, 'packet_meta_info.json'), 'utf8')) as { identity: { hashSequence1: HashSequenceEntry[]; hashSequence2: HashSequenceEntry[] } };
  const files = new Map<string, Buffer>();
  for (const file of ['ID.json', 'proofOfException.pdf']) {
    try {
      files.set(file.replace(/\.[^.]+$/, '').toLowerCase(), readFileSync(join(dir, file)));
    } catch {
      // the optional component has no proofOfException: its sequence does not name it
    }
  }
  return {
    meta: meta.identity,
    lookup: (n: string) => files.get(n.toLowerCase()),
    dataHash: readFileSync(join(dir, 'packet_data_hash.txt'), 'ascii'),
    operationsHash: readFileSync(join(dir, 'packet_operations_hash.txt'), 'ascii'),
  };
}

describe('hashSequence', () => {
  for (const component of ['evidence', 'optional']) {
    it(`reproduces packet_data_hash.txt of MOSIP's sample ${component} subpacket`, () => {
      const c = loadComponent(component);
      const result = recomputeSequenceHash(c.meta.hashSequence1, c.lookup);
      assert.deepEqual(result.missing, []);
      assert.equal(result.hex, c.dataHash);
    });

    it(`reproduces packet_operations_hash.txt of MOSIP's sample ${component} subpacket (empty sequence)`, () => {
      const c = loadComponent(component);
      assert.equal(recomputeSequenceHash(c.meta.hashSequence2, c.lookup).hex, c.operationsHash);
    });
  }

  it('depends on the recorded order', () => {
    const c = loadComponent('evidence');
    const reversed = c.meta.hashSequence1.map((e) => ({ ...e, value: [...e.value].reverse() }));
    assert.notEqual(recomputeSequenceHash(reversed, c.lookup).hex, c.dataHash);
  });

  it('reports missing and empty files, as the server rejects them', () => {
    const result = recomputeSequenceHash([{ label: 'demographicSequence', value: ['ID', 'nothere', 'empty'] }], (n) =>
      n === 'ID' ? Buffer.from('x') : n === 'empty' ? Buffer.alloc(0) : undefined,
    );
    assert.deepEqual(result.missing, ['nothere', 'empty']);
  });

  it('is uppercase hex SHA-256', () => {
    assert.equal(hashSequenceHex([Buffer.from('ab'), Buffer.from('c')]), 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD');
  });
});
