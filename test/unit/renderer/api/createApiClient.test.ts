import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RegclientBridge, Reply } from '../../../../schemas/api/transport';
import { CancelledError, isAppError } from '../../../../schemas/errors';
import { createApiClient } from '../../../../renderer/api/createApiClient';

/** A bridge whose calls wait until the test answers them, recording what crossed it. */
function heldBridge() {
  const invoked: { callId: number; method: string }[] = [];
  const cancelled: number[] = [];
  const answers = new Map<number, (reply: Reply) => void>();
  const bridge: RegclientBridge = {
    invoke: (callId, method) => {
      invoked.push({ callId, method });
      return new Promise((resolvePromise) => answers.set(callId, resolvePromise));
    },
    cancel: (callId) => void cancelled.push(callId),
    on: () => () => undefined,
  };
  const answer = (callId: number, reply: Reply) => answers.get(callId)?.(reply);
  return { bridge, invoked, cancelled, answer };
}

describe('createApiClient cancel', () => {
  it('gives each call its own number and resolves with its own reply', async () => {
    const held = heldBridge();
    const api = createApiClient(held.bridge);
    const first = api['app.info']({});
    const second = api['auth.touch']({});
    await Promise.resolve();
    assert.deepEqual(held.invoked, [{ callId: 0, method: 'app.info' }, { callId: 1, method: 'auth.touch' }]);
    held.answer(1, { ok: true, value: {} });
    held.answer(0, { ok: false, error: { code: 'ERR_AUTH_NOT_AUTHENTICATED', message: 'm', details: {} } });
    assert.deepEqual(await second, {});
    await assert.rejects(first, (err) => isAppError(err) && err.code === 'ERR_AUTH_NOT_AUTHENTICATED');
  });

  it('on abort: sends the cancel for that call and rejects at once with CancelledError', async () => {
    const held = heldBridge();
    const api = createApiClient(held.bridge);
    const controller = new AbortController();
    const other = api['auth.touch']({});
    const call = api['sync.now']({}, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    await assert.rejects(call, (err) => err instanceof CancelledError && err.code === 'ERR_CANCELLED');
    assert.deepEqual(held.cancelled, [1], 'only the aborted call is cancelled');
    // the main process's late answer changes nothing
    held.answer(1, { ok: true, value: { uploaded: [] } });
    held.answer(0, { ok: true, value: {} });
    assert.deepEqual(await other, {});
  });

  it('never sends a call whose signal already aborted', async () => {
    const held = heldBridge();
    const api = createApiClient(held.bridge);
    await assert.rejects(api['devices.discover']({}, { signal: AbortSignal.abort() }), CancelledError);
    assert.deepEqual(held.invoked, []);
    assert.deepEqual(held.cancelled, []);
  });

  it('rebuilds ERR_CANCELLED from the main process as CancelledError', async () => {
    const held = heldBridge();
    const api = createApiClient(held.bridge);
    const call = api['devices.discover']({});
    await Promise.resolve();
    held.answer(0, { ok: false, error: { code: 'ERR_CANCELLED', message: 'the call was cancelled by its caller', details: {} } });
    await assert.rejects(call, CancelledError);
  });
});
