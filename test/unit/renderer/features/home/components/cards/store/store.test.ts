import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createDashboardCardsStore, type DashboardCardsStore, type DashboardCardsStoreState } from '../../../../../../../../renderer/features/home/components/cards/store/store';
import { dashboardCardsSelectors } from '../../../../../../../../renderer/features/home/components/cards/store/selectors';
import { openSyncFixture, type SyncFixture } from '../../../../sync/openSyncFixture';
import { refusedPort, type RefusedPort } from '../../../../../../../helpers/refusedPort';

function nextState(store: DashboardCardsStore, isDone: (s: DashboardCardsStoreState) => boolean): Promise<DashboardCardsStoreState> {
  return new Promise((resolve) => {
    const off = store.subscribe((s) => {
      if (!isDone(s)) return;
      off();
      resolve(s);
    });
  });
}

describe('dashboard cards store (against the real Router)', () => {
  let fixture: SyncFixture;
  let store: DashboardCardsStore;
  let disconnect: () => void;
  let a: string, b: string;

  // A loopback port nobody listens on, held for the whole suite: discovery finds nothing there, quickly.
  let noDevice: RefusedPort;

  before(async () => {
    noDevice = await refusedPort();
    fixture = await openSyncFixture({ sbi: { ports: [noDevice.port], connectTimeoutMs: 500 } });
    [a, b] = [await fixture.buildPacket('a'), await fixture.buildPacket('b')];
  });
  after(async () => {
    await fixture.close();
    await noDevice.release();
  });
  beforeEach(async () => {
    store = createDashboardCardsStore(fixture.officer, () => fixture.clock.now());
    disconnect = store.getState().connect();
    await store.getState().load();
  });
  afterEach(() => disconnect());

  it("counts today's registrations, approvals waiting and uploads waiting", () => {
    const s = store.getState();
    assert.equal(s.status, 'ready');
    assert.deepEqual([s.todayCount, s.pendingApprovals, s.pendingUploads, dashboardCardsSelectors.parked(s)], [2, 2, 0, 0]);
    assert.equal(dashboardCardsSelectors.lastSyncAt(s), null);
    assert.equal(dashboardCardsSelectors.isSyncScheduled(s), true);
    assert.deepEqual(dashboardCardsSelectors.limitsNeedingAttention(s), []);
    assert.equal(s.summary?.machine.centreId, '10001');
  });

  it('counts a registration of yesterday out of today', async () => {
    const tomorrow = createDashboardCardsStore(fixture.officer, () => fixture.clock.now() + 24 * 3600_000);
    await tomorrow.getState().load();
    assert.deepEqual([tomorrow.getState().todayCount, tomorrow.getState().pendingApprovals], [0, 2]);
  });

  it('recounts when an outbox item changes', async () => {
    await fixture.supervisor['packets.approve']({ ids: [a], password: 'Supervisor#2026' });
    const [item] = (await fixture.officer['packets.list']({ state: 'READY' })).items;
    const recounted = nextState(store, (s) => s.pendingApprovals === 1);
    fixture.services.hub.broadcast('outbox.onDidChange', item!);
    const s = await recounted;
    assert.deepEqual([s.todayCount, s.pendingApprovals, s.pendingUploads], [2, 1, 1]);
    assert.equal(item!.rid, a);
    void b;
  });

  it('discovers no device on a closed port and keeps device warnings, one per code', async () => {
    await store.getState().discoverDevices();
    assert.equal(dashboardCardsSelectors.devicesStatus(store.getState()), 'ready');
    assert.deepEqual([dashboardCardsSelectors.devices(store.getState()), dashboardCardsSelectors.rejectedDevices(store.getState())], [[], []]);
    fixture.services.hub.broadcast('devices.onDidWarn', { code: 'ERR_SBI_USB_UNAVAILABLE', message: 'x', details: { reason: 'a' } });
    fixture.services.hub.broadcast('devices.onDidWarn', { code: 'ERR_SBI_USB_UNAVAILABLE', message: 'x', details: { reason: 'b' } });
    assert.deepEqual(dashboardCardsSelectors.deviceWarnings(store.getState()), [{ code: 'ERR_SBI_USB_UNAVAILABLE', details: { reason: 'b' } }]);
  });

  it('a scan whose screen left ends without an error and does not hold back the next scan', async () => {
    const left = new AbortController();
    const cancelled = store.getState().discoverDevices(left.signal);
    left.abort();
    await cancelled;
    assert.deepEqual([dashboardCardsSelectors.devicesStatus(store.getState()), dashboardCardsSelectors.devicesError(store.getState())], ['idle', null]);
    // StrictMode: mount, unmount (abort), mount again before the first call has settled
    const first = new AbortController();
    const unmounted = store.getState().discoverDevices(first.signal);
    first.abort();
    const remounted = store.getState().discoverDevices();
    await Promise.all([unmounted, remounted]);
    assert.deepEqual([dashboardCardsSelectors.devicesStatus(store.getState()), dashboardCardsSelectors.devicesError(store.getState())], ['ready', null]);
  });

  it('follows devices.onDidChange', () => {
    fixture.services.hub.broadcast('devices.onDidChange', { devices: [], rejected: [{ port: 4501, code: 'ERR_SBI_SIGNATURE_INVALID', message: 'm' }], scannedPorts: 100, elapsedMs: 3 });
    assert.deepEqual(dashboardCardsSelectors.rejectedDevices(store.getState()), [{ port: 4501, code: 'ERR_SBI_SIGNATURE_INVALID', message: 'm' }]);
  });

  it('moves "last sync" on when the scheduler reports a successful down-sync (Sync now), not a failed one', async () => {
    const jobs = (await fixture.officer['sync.status']({})).jobs;
    const withDownSync = (lastRunAt: number, lastOk: boolean) => jobs.map((j) => (j.job === 'downSync' ? { ...j, lastRunAt, lastOk } : j));
    const okAt = fixture.clock.now() + 60_000;
    fixture.services.hub.broadcast('sync.onDidChangeSchedule', withDownSync(okAt, true));
    assert.equal(dashboardCardsSelectors.lastSyncAt(store.getState()), okAt);
    fixture.services.hub.broadcast('sync.onDidChangeSchedule', withDownSync(okAt + 60_000, false));
    assert.equal(dashboardCardsSelectors.lastSyncAt(store.getState()), okAt, 'a failed run is no sync');
  });

  it('resets to the initial state', () => {
    store.getState().reset();
    assert.deepEqual([store.getState().status, store.getState().todayCount, store.getState().summary], ['idle', null, null]);
  });
});
