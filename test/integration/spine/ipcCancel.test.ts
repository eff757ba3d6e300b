import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { IpcCalls } from '../../../electron/host/IpcCalls';
import { ManualClock } from '../../../native/time/ManualClock';
import { openRealBackEnd, type RealBackEnd } from '../../helpers/realBackEnd';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { startSimulator } from '../sbi/sbiTestKit';

/** The Electron IPC path of a cancel (what wireIpc hands each invoke and cancel), without Electron. */
describe('IPC cancel (real Router, device simulator)', () => {
  let sim: SbiSimulator;
  let backEnd: RealBackEnd;
  let calls: IpcCalls<object>;
  const window1 = {};
  const window2 = {};
  const ctx = { connectionId: 'window-1', sink: () => undefined };

  before(async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ devices: ['finger'], now: () => clock.now() });
    // discovery waits ten minutes for a device that never answers: only the cancel ends it sooner
    backEnd = await openRealBackEnd(sim, undefined, { sbi: { ports: sim.ports, captureTimeoutMs: 600_000, infoTimeoutMs: 600_000 } }, clock);
    calls = new IpcCalls(backEnd.services.router);
    assert.equal((await calls.dispatch(window1, ctx, 0, 'auth.login', { userId: 'officer1', password: 'Officer#2026' })).ok, true);
  });
  after(async () => {
    await backEnd.close();
    await sim.close();
  });

  it('stops a discovery under way for the window that asked, and leaves other windows alone', { timeout: 60_000 }, async () => {
    sim.setFault('finger', 'hang', ['MOSIPDINFO']);
    const atDevice = sim.waitForRequest('finger', 'MOSIPDINFO');
    const reply = calls.dispatch(window1, ctx, 7, 'devices.discover', {});
    const deviceSocket = await atDevice;
    const deviceClosed = once(deviceSocket, 'close');
    assert.equal(calls.cancel(window2, 7), false, 'another window cannot cancel this call');
    assert.equal(calls.cancel(window1, '7'), false, 'a malformed number is ignored');
    assert.equal(calls.cancel(window1, 7), true);
    const answer = await reply;
    assert.equal(answer.ok ? 'ok' : answer.error.code, 'ERR_CANCELLED');
    await deviceClosed;
    assert.equal(calls.cancel(window1, 7), false, 'an answered call is gone');
    sim.setFault('finger', undefined);
    const next = await calls.dispatch(window1, ctx, 8, 'devices.discover', {});
    assert.equal(next.ok, true, JSON.stringify(next));
  });

  it('still runs a call whose number is malformed; it only cannot be cancelled', async () => {
    for (const callId of [undefined, -1, 1.5, 'x']) {
      const reply = await calls.dispatch(window1, ctx, callId, 'app.info', {});
      assert.equal(reply.ok, true, String(callId));
      assert.equal(calls.cancel(window1, callId), false);
    }
  });
});
