import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../schemas/settings';
import { createApiClient } from '../../../renderer/api/createApiClient';
import { getMeta, setMeta } from '../../../electron/services/db/repos/meta';
import { findOutbox, patchOutbox } from '../../../electron/services/db/repos/outbox';
import { insertPacketWithJob } from '../../../electron/services/db/repos/packets';
import { inMemoryBridge } from '../../helpers/inMemoryBridge';
import { openTestServices } from '../../helpers/openTestDataDir';
import { makeTempDir } from '../../helpers/tempDir';

const INSECURE = 'http://mosip.example.st';
const REFUSAL = { field: 'serverUrl', url: INSECURE, rule: 'plain-http-to-remote-host' };

// A server address saved before the https rule existed: the app still starts, the setting is kept
// for the supervisor to fix, but no request goes to it: every sync fails with the rule's code.
describe('a stored insecure server address from before the rule', () => {
  const temp = makeTempDir();
  let opened: Awaited<ReturnType<typeof openTestServices>>;

  before(async () => {
    const first = await openTestServices({ dataDir: temp.path });
    // settings.update refuses it now, so it is written as an older version stored it
    setMeta(first.services.data.db, 'app.settings', JSON.stringify({ ...DEFAULT_SETTINGS, serverUrl: INSECURE }));
    const now = first.clock.now();
    first.services.data.db.transaction(() => insertPacketWithJob(first.services.data.db, { packet_id: 'P1', rid: '10001100020000120261202101010', process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: 'P1.zip', size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: now }))();
    assert.ok(patchOutbox(first.services.data.db, 'P1', 'PENDING', { state: 'READY', nextAttemptAt: now }, now));
    await first.close();
    opened = await openTestServices({ dataDir: temp.path, clock: first.clock });
  });
  after(async () => {
    await opened.close();
    temp.remove();
  });

  it('is kept in the settings (not wiped), but no server client is built on it', () => {
    assert.equal(opened.services.settings.get().serverUrl, INSECURE);
    assert.equal(JSON.parse(getMeta(opened.services.data.db, 'app.settings')!).serverUrl, INSECURE);
    assert.equal(opened.services.sync.mosip, undefined);
  });

  it('"sync now" stops the run with ERR_SYNC_SERVER_URL_INSECURE and parks no packet', async () => {
    const api = createApiClient(inMemoryBridge(opened.services));
    await api['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
    const summary = await api['sync.now']({});
    assert.deepEqual(summary.stoppedBy, { code: 'ERR_SYNC_SERVER_URL_INSECURE', details: REFUSAL });
    assert.deepEqual(summary.parked, []);
    const row = findOutbox(opened.services.data.db, 'P1')!;
    assert.equal(row.state, 'READY', 'the packet waits for a good address instead of being parked');
  });

  it('the down-sync job fails with the same code', async () => {
    await opened.services.sync.scheduler.runNow('downSync');
    const job = opened.services.sync.scheduler.status().find((j) => j.job === 'downSync')!;
    assert.equal(job.lastOk, false);
    assert.equal(job.lastErrorCode, 'ERR_SYNC_SERVER_URL_INSECURE');
  });

  it('a given --server address still wins over the stored one (and is used)', async () => {
    const other = await openTestServices({ dataDir: temp.path, clock: opened.clock, app: { serverUrl: 'https://mosip.example.st' } });
    try {
      assert.notEqual(other.services.sync.mosip, undefined);
    } finally {
      await other.services.dispose();
    }
  });
});
