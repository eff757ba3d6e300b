import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admin } from './syncTestBed';
import { useSimBed } from './useSimBed';

const CONFIGS = '/v1/syncdata/configs';

/**
 * The shared simulator's after-each clean-up, checked: the files that share one simulator
 * (downSync, serverSession) rely on it so that a fault or a kill one test leaves cannot decide the
 * next test. The two tests run in order; the second reads what the first left behind.
 */
describe('useSimBed: what one test does to the server does not reach the next', () => {
  const s = useSimBed({ client: 'each', revive: true });
  let address = '';

  it('leaves a fault that never clears itself and a killed server', async () => {
    await s.client.service.login('officer1', 'Officer#2026');
    const left = await admin(s.bed.sim, 'faults', { endpoint: CONFIGS, kind: 'status', status: 503 });
    assert.deepEqual((left['faults'] as { endpoint: string }[]).map((f) => f.endpoint), [CONFIGS], 'the fault is in place');
    address = s.bed.sim.url;
    await s.bed.sim.kill();
    assert.equal(s.bed.sim.listening, false);
  });

  it('finds the server listening again on its address, without faults, and syncs through it', async () => {
    assert.equal(s.bed.sim.listening, true, 'revived after the previous test');
    assert.equal(s.bed.sim.url, address, 'on the address clients were given');
    const state = await admin(s.bed.sim, 'faults', { faults: [] });
    assert.deepEqual(state['faults'], [], 'the previous test\'s fault was cleared');
    await s.client.service.login('officer1', 'Officer#2026');
    assert.ok((await s.client.service.syncConfigs()) > 0, 'the configs endpoint answers');
  });
});
