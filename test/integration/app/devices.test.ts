import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { AppServices } from '../../../electron/host/createAppServices';
import { TRUST_DIR } from '../../../electron/services/devices/DevicesService';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { openTestServices } from '../../helpers/openTestDataDir';
import { startSimulator } from '../sbi/sbiTestKit';
import { ManualClock } from '../../../native/time/ManualClock';
import { replyValue } from '../../helpers/replyValue';

describe('devices through the Router (device simulator on loopback)', () => {
  let simulator: SbiSimulator;
  let services: AppServices;
  let dataDir: string;
  let close: () => Promise<void>;
  const events: { name: string; payload: unknown }[] = [];
  const ctx = { connectionId: 'window-1', sink: (name: string, payload: unknown) => void events.push({ name, payload }) };
  const call = (method: string, input: unknown) => services.router.dispatch(ctx, method, input);
  const value = replyValue;
  const trustSimulator = () => {
    mkdirSync(join(dataDir, TRUST_DIR), { recursive: true });
    writeFileSync(join(dataDir, TRUST_DIR, 'device-ca.pem'), simulator.pki.deviceCaPem);
  };

  beforeEach(async () => {
    const testClock = new ManualClock();
    simulator = await startSimulator({ now: () => testClock.now() });
    ({ services, dataDir, close } = await openTestServices({ clock: testClock, app: { sbi: { ports: simulator.ports, captureTimeoutMs: 2000, infoTimeoutMs: 1000 } } }));
    events.length = 0;
    assert.equal((await call('auth.login', { userId: 'officer1', password: 'Officer#2026' })).ok, true);
  });
  afterEach(async () => {
    await close();
    await simulator.close();
  });

  it('refuses every device until its CA is trusted, naming why', async () => {
    const result = value<{ devices: unknown[]; rejected: { code: string }[] }>(await call('devices.discover', {}));
    assert.equal(result.devices.length, 0);
    assert.deepEqual([...new Set(result.rejected.map((r) => r.code))], ['ERR_SBI_CERT_UNTRUSTED']);
  });

  it('discovers and captures with a trusted CA from the data dir, keeping the signed payload', async () => {
    trustSimulator();
    const found = value<{ devices: { digitalId: { type: string } }[] }>(await call('devices.discover', {}));
    assert.deepEqual(found.devices.map((d) => d.digitalId.type).sort(), ['Face', 'Finger', 'Iris']);
    const capture = value<{ biometrics: { bioSubType: string; data: string; hash: string }[]; lastHash: string }>(
      await call('devices.capture', { modality: 'left-slap', exceptions: ['Left LittleFinger'], previousHash: '' }),
    );
    assert.deepEqual(capture.biometrics.map((b) => b.bioSubType).sort(), ['Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger']);
    assert.match(capture.biometrics[0]!.data, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.equal(capture.lastHash, capture.biometrics.at(-1)!.hash);
  });

  it('rejects a bad capture request before it reaches the device', async () => {
    const reply = await call('devices.capture', { modality: 'left-slap', previousHash: 'null' });
    assert.equal(reply.ok ? 'ok' : reply.error.code, 'ERR_IPC_INVALID_INPUT');
  });

  it('streams preview frames to the screen that asked, and stops', async () => {
    trustSimulator();
    value(await call('devices.startPreview', { modality: 'face' }));
    const frame = await new Promise<{ jpegBase64: string }>((resolvePromise) => {
      const poll = () => {
        const found = events.find((e) => e.name === 'devices.onDidPreviewFrame');
        if (found) resolvePromise(found.payload as { jpegBase64: string });
        else setImmediate(poll);
      };
      poll();
    });
    assert.deepEqual([...Buffer.from(frame.jpegBase64, 'base64').subarray(0, 2)], [0xff, 0xd8]);
    value(await call('devices.stopPreview', {}));
  });

  it('lets only officers capture', async () => {
    await call('auth.logout', {});
    await call('auth.login', { userId: 'viewer1', password: 'Viewer#2026' });
    const reply = await call('devices.capture', { modality: 'face', previousHash: '' });
    assert.equal(reply.ok ? 'ok' : reply.error.code, 'ERR_AUTH_FORBIDDEN');
  });
});
