import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../../../schemas/settings';
import { createApiClient, type ApiClient } from '../../../../../../renderer/api/createApiClient';
import { createSettingsStore, settingsSelectors, type SettingsStore } from '../../../../../../renderer/features/settings/store/store';
import { inMemoryBridge } from '../../../../../helpers/inMemoryBridge';
import { issueTestCertificate, newRsaKeyPem, selfSignedCa } from '../../../../../helpers/testCertificates';
import { openTestServices } from '../../../../../helpers/openTestDataDir';

describe('settings store (against the real Router)', () => {
  let api: ApiClient;
  let store: SettingsStore;
  let close: () => Promise<void>;

  beforeEach(async () => {
    const opened = await openTestServices();
    close = opened.close;
    api = createApiClient(inMemoryBridge(opened.services));
    store = createSettingsStore(api);
  });
  afterEach(() => close());

  it('loads the defaults and saves a supervisor\'s change', async () => {
    await api['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
    await store.getState().load();
    assert.deepEqual(settingsSelectors.saved(store.getState()), DEFAULT_SETTINGS);
    const next = { ...DEFAULT_SETTINGS, scannerPort: '/dev/ttyUSB0' };
    await store.getState().save(next);
    assert.equal(settingsSelectors.status(store.getState()), 'saved');
    assert.deepEqual(settingsSelectors.saved(store.getState()), next);
  });

  it('shows which machine name sync uses: the host name until a supervisor sets one, and again once cleared', async () => {
    await api['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
    await store.getState().load();
    assert.deepEqual(settingsSelectors.machineName(store.getState()), { name: hostname().toLowerCase(), source: 'host name' });
    await store.getState().save({ ...DEFAULT_SETTINGS, machineName: 'stp-laptop-10002' });
    assert.deepEqual(settingsSelectors.machineName(store.getState()), { name: 'stp-laptop-10002', source: 'settings' });
    await store.getState().save({ ...DEFAULT_SETTINGS, machineName: null });
    assert.deepEqual(settingsSelectors.machineName(store.getState()), { name: hostname().toLowerCase(), source: 'host name' });
  });

  it('keeps the saved values and the error code when an officer tries to save', async () => {
    await api['auth.login']({ userId: 'officer1', password: 'Officer#2026' });
    await store.getState().load();
    await store.getState().save({ ...DEFAULT_SETTINGS, gpsPort: 'COM3' });
    assert.equal(settingsSelectors.error(store.getState())?.code, 'ERR_AUTH_FORBIDDEN');
    assert.deepEqual(settingsSelectors.saved(store.getState()), DEFAULT_SETTINGS);
  });

  it('reports the field of an invalid value', async () => {
    await api['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
    await store.getState().load();
    await store.getState().save({ ...DEFAULT_SETTINGS, devices: { ...DEFAULT_SETTINGS.devices, portTo: 4000 } });
    const error = settingsSelectors.error(store.getState());
    assert.equal(error?.code, 'ERR_IPC_INVALID_INPUT');
    assert.deepEqual((error?.details as { issues: { path: string }[] }).issues.map((i) => i.path), ['devices.portTo']);
  });

  it('adds a device CA, reloads the list, removes it, and keeps the code of a refused one', async () => {
    const key = newRsaKeyPem();
    const now = Date.UTC(2026, 10, 22);
    const caPem = selfSignedCa(key, 'Test ROOT', now - 86_400_000, now + 365 * 86_400_000);
    const leafPem = issueTestCertificate({ subjectCn: 'MACHINE-1', subjectKeyPem: key, issuerCn: 'Test ROOT', issuerKeyPem: key, notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 86_400_000), ca: false });
    await api['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
    await store.getState().loadAnchors();
    assert.deepEqual([settingsSelectors.anchorStatus(store.getState()), settingsSelectors.anchors(store.getState())], ['ready', []]);
    await store.getState().addAnchor(caPem);
    assert.equal(settingsSelectors.anchorStatus(store.getState()), 'added');
    const [anchor] = settingsSelectors.anchors(store.getState()) ?? [];
    assert.equal(anchor?.subject, 'CN=Test ROOT');
    await store.getState().addAnchor(leafPem);
    assert.deepEqual([settingsSelectors.anchorStatus(store.getState()), settingsSelectors.anchorError(store.getState())?.code], ['failed', 'ERR_SBI_TRUST_ANCHOR_NOT_CA']);
    assert.equal(settingsSelectors.anchors(store.getState())?.length, 1, 'a refusal keeps the list');
    await store.getState().removeAnchor(anchor!.thumbprint);
    assert.deepEqual([settingsSelectors.anchorStatus(store.getState()), settingsSelectors.anchors(store.getState()), settingsSelectors.anchorError(store.getState())], ['removed', [], null]);
  });
});
