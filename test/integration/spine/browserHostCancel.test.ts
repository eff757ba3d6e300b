import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { CancelledError } from '../../../schemas/errors';
import { createApiClient } from '../../../renderer/api/createApiClient';
import { createWebSocketBridge } from '../../../renderer/api/createWebSocketBridge';
import { startBrowserHost, type RunningBrowserHost } from '../../../electron/host/BrowserHost';
import { ManualClock } from '../../../native/time/ManualClock';
import { callOver, openSocket, recordFrames, replyTo } from '../../helpers/hostSocket';
import { openRealBackEnd, type RealBackEnd } from '../../helpers/realBackEnd';
import { makeTempDir } from '../../helpers/tempDir';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { startSimulator } from '../sbi/sbiTestKit';

/** Issue 15: a page stops a call under way with a cancel frame; the host goes on serving. */
describe('BrowserHost cancel frames (real socket, real Router, device simulator)', () => {
  let sim: SbiSimulator;
  let backEnd: RealBackEnd;
  let host: RunningBrowserHost;
  let ws: WebSocket;
  let seq = 10;
  const staticDir = makeTempDir();

  before(async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ devices: ['finger'], now: () => clock.now() });
    // a capture the device never answers waits ten minutes, past this test's timeout: only the cancel ends it
    backEnd = await openRealBackEnd(sim, undefined, { sbi: { ports: sim.ports, captureTimeoutMs: 600_000, infoTimeoutMs: 5000 } }, clock);
    writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>t</title>');
    host = await startBrowserHost({ services: backEnd.services, staticDir: staticDir.path, port: 0 });
    ws = await openSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, `http://127.0.0.1:${host.port}`);
    assert.equal((await callOver(ws, seq++, 'auth.login', { userId: 'officer1', password: 'Officer#2026' })).ok, true);
  });
  after(async () => {
    ws.close();
    await host.close();
    await backEnd.close();
    await sim.close();
    staticDir.remove();
  });

  it('stops a capture under way: the device connection closes, the caller gets ERR_CANCELLED, the next call is served', { timeout: 60_000 }, async () => {
    sim.setFault('finger', 'hang', ['RCAPTURE']);
    const atDevice = sim.waitForRequest('finger', 'RCAPTURE');
    const id = seq++;
    const reply = callOver(ws, id, 'devices.capture', { modality: 'left-slap', previousHash: '' });
    const deviceSocket = await atDevice;
    const deviceClosed = once(deviceSocket, 'close');
    ws.send(JSON.stringify({ type: 'cancel', seq: id }));
    const answer = await reply;
    assert.equal(answer.error?.code, 'ERR_CANCELLED', JSON.stringify(answer));
    // the handler's signal reached the SBI request: the app hung up on the device
    await deviceClosed;
    sim.setFault('finger', undefined);
    const next = await callOver(ws, seq++, 'devices.discover', {});
    assert.equal(next.ok, true, JSON.stringify(next));
  });

  it("the page's own client: aborting a call's signal sends the cancel frame, and the host stops the capture", { timeout: 60_000 }, async () => {
    // the page's bridge as it runs in the browser, on `ws` with the page's origin (Node 20 has no WebSocket)
    const origin = `http://127.0.0.1:${host.port}`;
    const previous = globalThis.WebSocket;
    Object.assign(globalThis, { WebSocket: class PageSocket extends WebSocket { constructor(url: string) { super(url, { origin }); } } });
    try {
      const api = createApiClient(createWebSocketBridge(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`));
      await api['auth.login']({ userId: 'officer1', password: 'Officer#2026' });
      sim.setFault('finger', 'hang', ['RCAPTURE']);
      const atDevice = sim.waitForRequest('finger', 'RCAPTURE');
      const screen = new AbortController();
      const capture = api['devices.capture']({ modality: 'left-slap', exceptions: [], previousHash: '' }, { signal: screen.signal });
      const deviceClosed = once(await atDevice, 'close');
      screen.abort();
      await assert.rejects(capture, CancelledError);
      // the client stopped waiting at once; the device connection closing shows the host stopped too
      await deviceClosed;
      sim.setFault('finger', undefined);
      assert.equal((await api['app.info']({})).keyProtection, 'keyfile', 'the same socket serves the next call');
    } finally {
      sim.setFault('finger', undefined);
      Object.assign(globalThis, { WebSocket: previous });
    }
  });

  it('ignores a cancel for a call it does not know (never made, or already answered)', async () => {
    const done = seq++;
    assert.equal((await callOver(ws, done, 'app.info', {})).ok, true);
    const frames = recordFrames(ws);
    ws.send(JSON.stringify({ type: 'cancel', seq: done }));
    ws.send(JSON.stringify({ type: 'cancel', seq: 999_999 }));
    const id = seq++;
    assert.equal((await callOver(ws, id, 'app.info', {})).ok, true);
    // frames come in order: anything the cancels caused would have come before this reply
    assert.deepEqual(frames.map((f) => [f.type, f.seq ?? f.name]), [['reply', id]]);
  });

  it('answers a malformed cancel frame like any malformed frame, and keeps the socket', async () => {
    for (const bad of [{ type: 'cancel' }, { type: 'cancel', seq: -1 }, { type: 'cancel', seq: 1.5 }, { type: 'cancel', seq: '3' }, { type: 'cancel', seq: 3, extra: true }, { cancel: 3 }]) {
      const rejected = new Promise<{ name?: string; payload?: { code?: string } }>((resolvePromise) => {
        ws.once('message', (data) => resolvePromise(JSON.parse(String(data)) as { name?: string; payload?: { code?: string } }));
      });
      ws.send(JSON.stringify(bad));
      const event = await rejected;
      assert.equal(event.name, 'transport.onDidRejectFrame', JSON.stringify(bad));
      assert.equal(event.payload?.code, 'ERR_IPC_INVALID_INPUT', JSON.stringify(bad));
    }
    const id = seq++;
    const reply = replyTo(ws, id);
    ws.send(JSON.stringify({ type: 'call', seq: id, method: 'app.info', input: {} }));
    assert.equal((await reply).ok, true);
  });
});
