import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../../schemas/settings';
import { createApiClient, type ApiClient } from '../../../../../renderer/api/createApiClient';
import { createSettingsStore, settingsSelectors, type SettingsStore } from '../../../../../renderer/features/settings/store';
import { inMemoryBridge } from '../../../../helpers/inMemoryBridge';
import { openTestServices } from '../../../../helpers/openTestDataDir';

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
});
