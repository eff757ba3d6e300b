import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Reply } from '../../../schemas/api/transport';
import { DEFAULT_SETTINGS } from '../../../schemas/settings';
import type { AppServices } from '../../../electron/host/createAppServices';
import { openTestServices } from '../../helpers/openTestDataDir';
import { makeTempDir } from '../../helpers/tempDir';

describe('settings through the Router', () => {
  let services: AppServices;
  let close: () => Promise<void>;
  const broadcasts: string[] = [];
  const call = (connectionId: string, method: string, input: unknown) => services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const code = (reply: Reply) => (reply.ok ? 'ok' : reply.error.code);

  beforeEach(async () => {
    ({ services, close } = await openTestServices());
    broadcasts.length = 0;
    services.hub.connect('watcher', (name) => void broadcasts.push(name));
    assert.equal(code(await call('sup', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' })), 'ok');
    assert.equal(code(await call('off', 'auth.login', { userId: 'officer1', password: 'Officer#2026' })), 'ok');
  });
  afterEach(() => close());

  it('lets a supervisor change device ports, audited and broadcast', async () => {
    const next = { ...DEFAULT_SETTINGS, devices: { ...DEFAULT_SETTINGS.devices, portFrom: 4650, portTo: 4655 } };
    assert.equal(code(await call('sup', 'settings.update', next)), 'ok');
    assert.deepEqual((await call('off', 'settings.get', {}) as { value: unknown }).value, next);
    assert.deepEqual(broadcasts, ['settings.onDidChange']);
    const entry = services.data.audit.recent(1)[0]!;
    assert.deepEqual([entry.event, entry.actor, entry.details.changed], ['SETTINGS_CHANGED', 'supervisor1', ['devices.portFrom', 'devices.portTo']]);
    // The device service scans the new range at its next discovery.
    const discovery = (await call('off', 'devices.discover', {})) as { value: { scannedPorts: number } };
    assert.equal(discovery.value.scannedPorts, 6);
  });

  it('feeds the capture policy the supervisor\'s thresholds and attempts', async () => {
    const next = { ...DEFAULT_SETTINGS, devices: { ...DEFAULT_SETTINGS.devices, thresholds: { finger: 55, iris: 65, face: 80 }, attempts: { finger: 4, iris: 2, face: 1 } } };
    assert.equal(code(await call('sup', 'settings.update', next)), 'ok');
    assert.deepEqual(services.registration.biometrics.policy, { thresholds: { finger: 55, iris: 65, face: 80 }, attempts: { finger: 4, iris: 2, face: 1 } });
  });

  it('talks to the server address the supervisor saved from the next start; --server still wins', async () => {
    assert.equal(services.sync.mosip, undefined, 'no server configured yet');
    const next = { ...DEFAULT_SETTINGS, serverUrl: 'https://mosip.example.st/' };
    assert.equal(code(await call('sup', 'settings.update', next)), 'ok');
    const dir = makeTempDir();
    try {
      const saved = await openTestServices({ dataDir: dir.path });
      await saved.services.settings.update(next, 'supervisor1');
      await saved.close();
      const restarted = await openTestServices({ dataDir: dir.path });
      assert.equal(restarted.services.sync.mosip?.http.baseUrl, 'https://mosip.example.st');
      await restarted.close();
      const flagged = await openTestServices({ dataDir: dir.path, app: { serverUrl: 'http://127.0.0.1:8080' } });
      assert.equal(flagged.services.sync.mosip?.http.baseUrl, 'http://127.0.0.1:8080');
      await flagged.close();
    } finally {
      dir.remove();
    }
  });

  it('refuses officers, and names the field of an invalid value', async () => {
    assert.equal(code(await call('off', 'settings.update', DEFAULT_SETTINGS)), 'ERR_AUTH_FORBIDDEN');
    const bad = await call('sup', 'settings.update', { ...DEFAULT_SETTINGS, devices: { ...DEFAULT_SETTINGS.devices, thresholds: { finger: 140, iris: 60, face: 90 } } });
    assert.equal(code(bad), 'ERR_IPC_INVALID_INPUT');
    assert.deepEqual((bad as unknown as { error: { details: { issues: { path: string; message: string }[] } } }).error.details.issues, [
      { path: 'devices.thresholds.finger', message: 'a quality threshold is 0–100' },
    ]);
  });

  it('tells everyone the machine name sync uses and where it comes from; a supervisor sets and clears it', async () => {
    const effective = async () => ((await call('off', 'settings.machineName', {})) as { value: unknown }).value;
    assert.deepEqual(await effective(), { name: hostname().toLowerCase(), source: 'host name' });
    assert.equal(code(await call('sup', 'settings.update', { ...DEFAULT_SETTINGS, machineName: 'stp-laptop-10002' })), 'ok');
    assert.deepEqual(await effective(), { name: 'stp-laptop-10002', source: 'settings' });
    const tooLong = await call('sup', 'settings.update', { ...DEFAULT_SETTINGS, machineName: 'x'.repeat(65) });
    assert.deepEqual((tooLong as unknown as { error: { details: { issues: { path: string; message: string }[] } } }).error.details.issues, [
      { path: 'machineName', message: 'a machine name is at most 64 characters' },
    ]);
    assert.equal(code(await call('sup', 'settings.update', { ...DEFAULT_SETTINGS, machineName: null })), 'ok');
    assert.deepEqual(await effective(), { name: hostname().toLowerCase(), source: 'host name' });
  });
});
