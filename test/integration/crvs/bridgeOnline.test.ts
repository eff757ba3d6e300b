import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CrvsEvent } from '../../../schemas/crvsBridge';
import { KEY_DIR, openDataDir } from '../../../electron/host/openDataDir';
import { CRVS_CLIENT_SECRET_FILE, CrvsClientSecretStore } from '../../../electron/services/settings/CrvsClientSecretStore';
import { SettingsService } from '../../../electron/services/settings/SettingsService';
import { birthEvent, deathEvent } from '../../sims/opencrvs/payloads';
import { admin } from '../sync/syncTestBed';
import { PARENT_UIN, spawnBridge, startBridgeBed, untilBridge, WEBHOOK_TOKEN, type BridgeBed, type BridgeProcess } from './bridgeBed';
import { processUntil } from './regprocDriver';

/** the simulator's seeded CRVS client (test/sims/mosip/seedData.ts) */
const CLIENT = { appId: 'regproc', clientId: 'opencrvs-partner', secret: 'sim-opencrvs-secret' };
const CREATE = '/commons/v1/packetmanager/createPacket';
const WORKFLOW = '/registrationprocessor/v1/workflowmanager/workflowinstance';
const SYNC = '/registrationprocessor/v1/registrationstatus/syncV2';
const UPLOAD = '/registrationprocessor/v1/packetreceiver/registrationpackets';

type SimPacket = { registrationId: string; registrationType: string; status: string; uin: string | null; uploaded: number; created: number; workflowInstances: number };
type SimIdentity = { uin: string; fields: Record<string, unknown>; deceased: boolean };

/**
 * The bridge over the online path (issue 16 item 2): with the data dir's civil-registration setting
 * `online`, its packets leave by the CRVS client's `clientidsecretkey` → Packet Manager
 * `createPacket` → regproc `workflowinstance`, never by RID sync + upload. MOSIP is down when the
 * bridge starts and for the first events, and one createPacket answers null (MOSIP's writer
 * swallowing its error). The simulators count: one workflow instance and one identity per birth,
 * the deceased flag per death, one confirmation per event at OpenCRVS.
 */
describe('regclient bridge over the online path (createPacket + workflowinstance)', () => {
  let bed: BridgeBed;
  let bridge: BridgeProcess | undefined;
  const list = async () => JSON.parse((await bed.cli(['crvs', 'list', '--json'])).out) as CrvsEvent[];
  const stats = async () => admin(bed.sim, 'stats', undefined, 'GET') as Promise<{ packets: Record<string, SimPacket>; requests: Record<string, number> }>;
  const identities = async () => (await admin(bed.sim, 'identities', undefined, 'GET'))['identities'] as SimIdentity[];

  before(async () => {
    bed = await startBridgeBed('crvs-online-');
    // a supervisor's choice in settings › civil registration, as the app stores it
    const data = openDataDir({ dataDir: bed.dataDir, env: {} });
    try {
      const settings = new SettingsService({ db: data.db, audit: data.audit });
      settings.update({ ...settings.get(), civilRegistration: { delivery: 'online', appId: CLIENT.appId, clientId: CLIENT.clientId, source: 'OPENCRVS', registry: null } }, 'supervisor1');
      new CrvsClientSecretStore({ path: join(data.dataDir, KEY_DIR, CRVS_CLIENT_SECRET_FILE), wrapper: data.wrapper, audit: data.audit }).set(CLIENT.secret, 'supervisor1');
    } finally {
      data.close();
    }
  });
  after(async () => {
    bridge?.child.kill('SIGTERM');
    if (bridge) await bridge.exited;
    await bed?.close();
  });

  it('MOSIP down for the first events: every birth gets its national ID, every death the deceased flag, each once', { timeout: 60_000 }, async () => {
    const deathUins: string[] = [];
    for (let i = 0; i < 2; i++) deathUins.push(String((await admin(bed.sim, 'identities', { fields: { fullName: [{ language: 'por', value: `Falecido ${i}` }] } }))['uin']));
    await bed.sim.kill();
    bridge = await spawnBridge(bed);
    const now = Date.now();
    const events = [birthEvent(201, now, PARENT_UIN), deathEvent(201, now, deathUins[0]!), birthEvent(202, now, PARENT_UIN), birthEvent(203, now, PARENT_UIN), deathEvent(202, now, deathUins[1]!), birthEvent(204, now, PARENT_UIN)];
    const ids = events.map((e) => String(e['eventId']));
    for (const event of events.slice(0, 3)) assert.equal((await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, event)).status, 202, 'never blocked by MOSIP being down');
    const live = bridge;
    await untilBridge(live, async () => (await list()).filter((e) => e.state === 'QUEUED').length >= 3);
    await bed.sim.revive();
    // MOSIP's packet writer catches a failure and answers null: the outbox must retry, not count it sent
    await admin(bed.sim, 'faults', { endpoint: CREATE, kind: 'nullResponse', times: 1 });
    for (const event of events.slice(3)) assert.equal((await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, event)).status, 202);
    await processUntil(bed.sim, bed.crvs, () => ids.every((id) => bed.crvs.countsById().has(id)));
    await untilBridge(live, async () => (await list()).filter((e) => ids.includes(e.eventId)).every((e) => e.state === 'CONFIRMED'));

    const rows = (await list()).filter((e) => ids.includes(e.eventId));
    const { packets, requests } = await stats();
    const byRid = new Map(Object.values(packets).map((p) => [p.registrationId, p]));
    assert.deepEqual([requests[SYNC] ?? 0, requests[UPLOAD] ?? 0], [0, 0], 'no RID sync, no upload on the online path');
    assert.ok((requests[CREATE] ?? 0) >= events.length + 1, 'the null createPacket was sent again');
    for (const row of rows) {
      const p = byRid.get(row.rid ?? '');
      assert.deepEqual([p?.registrationType, p?.workflowInstances, p?.uploaded, p?.status], [row.kind === 'BIRTH' ? 'CRVS_NEW' : 'CRVS_DEATH', 1, 0, 'PROCESSED'], `${row.eventId}: one workflow instance`);
    }
    assert.equal(requests[WORKFLOW], events.length, 'one workflowinstance call per event');
    const people = await identities();
    for (const row of rows.filter((r) => r.kind === 'BIRTH')) {
      const children = people.filter((i) => i.fields['birthCertificateNumber'] === row.registrationNumber);
      assert.equal(children.length, 1, `${row.eventId}: one identity`);
      assert.deepEqual(bed.crvs.confirmations.filter((c) => c.id === row.eventId).map((c) => c.identifiers), [[{ type: 'NATIONAL_ID', value: children[0]!.uin }]], `${row.eventId}: confirmed once with its national ID`);
    }
    for (const uin of deathUins) assert.equal(people.find((i) => i.uin === uin)?.deceased, true, `${uin} deceased`);
    for (const row of rows.filter((r) => r.kind === 'DEATH')) {
      assert.equal(row.deceased, true);
      assert.equal(bed.crvs.countsById().get(row.eventId), 1, `${row.eventId}: confirmed once`);
    }
  });
});
