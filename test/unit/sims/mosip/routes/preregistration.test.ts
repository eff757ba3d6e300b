import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { MosipSimulator } from '../../../../sims/mosip/MosipSimulator';
import { upsertPreRegistration } from '../../../../sims/mosip/routes/preregistration';
import { makeTempDir } from '../../../../helpers/tempDir';

describe('MOSIP simulator: pre-registrations added without a PRID', () => {
  const dir = makeTempDir('sim-prid-');
  after(() => dir.remove());
  const identity = { fullName: [{ language: 'por', value: 'Ana' }] };
  const added = (name: string, bodies: Record<string, unknown>[]) => {
    const sim = new MosipSimulator({ stateDir: join(dir.path, name), clock: new ManualClock(), seed: false });
    return bodies.map((b) => upsertPreRegistration(sim, { identity, ...b }).prid);
  };

  it('get the same PRIDs on every run (counted, not random), 14 digits, never one already taken', () => {
    const bodies = [{}, {}, { prid: '20000000000003' }, {}];
    const first = added('a', bodies);
    assert.deepEqual(first, ['20000000000000', '20000000000001', '20000000000003', '20000000000004']);
    assert.deepEqual(added('b', bodies), first);
  });
});
