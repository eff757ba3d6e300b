import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { isAppError } from '../../../schemas/errors';
import type { RidSyncRecord } from '../../../schemas/mosipSync';
import { RegProcClient } from '../../../electron/services/sync/RegProcClient';
import { admin } from './syncTestBed';
import { useSimBed } from './useSimBed';
import { buildTestPacket, type TestPacket } from './testPacket';

function record(p: TestPacket, over: Partial<RidSyncRecord> = {}): RidSyncRecord {
  return {
    registrationId: p.rid,
    packetId: p.packetId,
    additionalInfoReqId: null,
    registrationType: 'NEW',
    packetHashValue: p.hash,
    packetSize: p.bytes.length,
    supervisorStatus: 'APPROVED',
    supervisorComment: null,
    langCode: 'por',
    ...over,
  };
}

describe('registration processor flow (simulator + RegProcClient)', () => {
  const s = useSimBed({ client: 'each', pinned: true });
  let regproc: RegProcClient;
  let ridSeq = 0;
  const nextRid = () => `1000110002${String(++ridSeq).padStart(5, '0')}20261122090000`;

  beforeEach(() => {
    regproc = new RegProcClient({ http: s.client.service.http, clock: s.bed.clock, refId: '10001_10002', registrationCertPem: s.bed.sim.pki.registration('10001_10002').certPem });
  });

  async function packetFile(p: TestPacket): Promise<string> {
    const path = join(s.client.dataDir, `${p.packetId}.zip`);
    writeFileSync(path, p.bytes);
    return path;
  }

  it('syncs, uploads and processes a packet to PROCESSED with a UIN; a second upload is a duplicate', async () => {
    const p = await buildTestPacket(s.bed.sim.pki.registration('10001_10002'), s.bed.machineKey.privateKey, nextRid());
    const outcome = await regproc.syncPackets([record(p)]);
    assert.deepEqual(outcome, { synced: [{ registrationId: p.rid, packetId: p.packetId, status: 'SUCCESS' }], failed: [] });
    assert.deepEqual(await regproc.packetStatus([p.packetId]), [{ packetId: p.packetId, statusCode: 'UPLOAD_PENDING' }]);
    const file = await packetFile(p);
    assert.equal(await regproc.uploadPacket(file), 'uploaded');
    assert.equal(await regproc.uploadPacket(file), 'duplicate');
    assert.deepEqual(await regproc.searchStatus([p.rid]), [{ registrationId: p.rid, statusCode: 'RECEIVED', additionalInfoReqId: null }]);
    await admin(s.bed.sim, 'advance', { packetId: p.packetId });
    assert.equal((await regproc.searchStatus([p.rid]))[0]?.statusCode, 'PROCESSING');
    const stats = await admin(s.bed.sim, 'advance', { packetId: p.packetId });
    const entry = (stats['packets'] as Record<string, { synced: number; uploaded: number; status: string; uin: string | null }>)[p.packetId]!;
    assert.deepEqual([entry.synced, entry.uploaded, entry.status], [1, 2, 'PROCESSED']);
    assert.match(entry.uin ?? '', /^\d{10}$/);
    assert.deepEqual(await regproc.packetStatus([p.packetId]), [{ packetId: p.packetId, statusCode: 'ACCEPTED' }]);
  });

  it('rejects a packet whose subpacket signature does not verify, with the reason', async () => {
    const p = await buildTestPacket(s.bed.sim.pki.registration('10001_10002'), s.bed.machineKey.privateKey, nextRid(), { tamper: true });
    await regproc.syncPackets([record(p)]);
    assert.equal(await regproc.uploadPacket(await packetFile(p)), 'uploaded');
    const stats = await admin(s.bed.sim, 'advance', { packetId: p.packetId, steps: 2 });
    const entry = (stats['packets'] as Record<string, { status: string; rejectReason: string }>)[p.packetId]!;
    assert.deepEqual([entry.status, entry.rejectReason], ['REJECTED', `${p.rid}_evidence: machine signature does not verify`]);
    assert.equal((await regproc.packetStatus([p.packetId]))[0]?.statusCode, 'REJECTED');
  });

  it('parks an upload whose bytes differ from the synced hash, or that was never synced', async () => {
    const p = await buildTestPacket(s.bed.sim.pki.registration('10001_10002'), s.bed.machineKey.privateKey, nextRid());
    await regproc.syncPackets([record(p, { packetHashValue: 'A'.repeat(64) })]);
    const err = await regproc.uploadPacket(await packetFile(p)).catch((e: unknown) => e);
    assert.ok(isAppError(err) && err.is('ERR_SYNC_REJECTED'));
    assert.deepEqual([err.retry, err.details.errorCode], ['park', 'RPR-PKR-009']);
    const unsynced = await buildTestPacket(s.bed.sim.pki.registration('10001_10002'), s.bed.machineKey.privateKey, nextRid());
    const err2 = await regproc.uploadPacket(await packetFile(unsynced)).catch((e: unknown) => e);
    assert.ok(isAppError(err2) && err2.is('ERR_SYNC_REJECTED') && err2.details.errorCode === 'RPR-PKR-001', 'RPR_PKR_PACKET_NOT_YET_SYNC');
  });

  it('reports per-record sync refusals and counts every sync', async () => {
    const p = await buildTestPacket(s.bed.sim.pki.registration('10001_10002'), s.bed.machineKey.privateKey, nextRid());
    const bad = { ...record(p), registrationId: nextRid(), packetId: 'other', registrationType: 'UNKNOWN_PROCESS' };
    const outcome = await regproc.syncPackets([record(p), bad]);
    assert.equal(outcome.synced.length, 1);
    // SyncRegistrationServiceImpl.validateRegistrationType: RPR_RGS_INVALID_SYNCTYPE
    assert.deepEqual(outcome.failed.map((f) => [f.registrationId, f.errorCode]), [[bad.registrationId, 'RPR-RGS-003']]);
    await regproc.syncPackets([record(p)]);
    const stats = await admin(s.bed.sim, 'stats', undefined, 'GET');
    assert.equal((stats['packets'] as Record<string, { synced: number }>)[p.packetId]?.synced, 2);
  });

  it('retries a sync that hit a 5xx and then succeeds once', async () => {
    const p = await buildTestPacket(s.bed.sim.pki.registration('10001_10002'), s.bed.machineKey.privateKey, nextRid());
    await admin(s.bed.sim, 'faults', { endpoint: '/registrationprocessor/v1/registrationstatus/syncV2', kind: 'status', status: 502, times: 1 });
    const err = await regproc.syncPackets([record(p)]).catch((e: unknown) => e);
    assert.ok(isAppError(err) && err.code === 'ERR_SYNC_SERVER_ERROR' && err.retry === 'retry');
    assert.equal((await regproc.syncPackets([record(p)])).synced.length, 1);
  });

  it('delivers a signed CREDENTIAL_ISSUED event to a WebSub subscriber when a UIN is issued', async () => {
    const received: { body: string; signature: string }[] = [];
    let delivered!: () => void;
    const gotEvent = new Promise<void>((resolve) => (delivered = resolve));
    const callback: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET') return void res.end(url.searchParams.get('hub.challenge'));
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString(), signature: String(req.headers['x-hub-signature']) });
        res.end('{}');
        delivered();
      });
    });
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    try {
      const port = (callback.address() as { port: number }).port;
      const form = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': 'stp-partner/CREDENTIAL_ISSUED', 'hub.callback': `http://127.0.0.1:${port}/cb`, 'hub.secret': 's3cret' });
      const sub = await fetch(`${s.bed.sim.url}/websub/hub`, { method: 'POST', headers: { cookie: `Authorization=${s.client.service.token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      assert.equal(sub.status, 202);
      const p = await buildTestPacket(s.bed.sim.pki.registration('10001_10002'), s.bed.machineKey.privateKey, nextRid());
      await regproc.syncPackets([record(p)]);
      await regproc.uploadPacket(await packetFile(p));
      await admin(s.bed.sim, 'advance', { packetId: p.packetId, steps: 2 });
      await gotEvent;
      const event = JSON.parse(received[0]!.body) as { topic: string; event: { data: { registrationId: string } } };
      assert.deepEqual([event.topic, event.event.data.registrationId], ['stp-partner/CREDENTIAL_ISSUED', p.rid]);
      assert.equal(received[0]!.signature, `sha256=${createHmac('sha256', 's3cret').update(received[0]!.body).digest('hex')}`);
    } finally {
      await new Promise((resolve) => callback.close(resolve));
    }
  });

  it('accepts createPacket + workflowinstance with a clientidsecretkey token and processes the packet', async () => {
    const login = await fetch(`${s.bed.sim.url}/v1/authmanager/authenticate/clientidsecretkey`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'mosip.io.clientId.pwd', version: '1.0', requesttime: new Date(s.bed.clock.now()).toISOString(), request: { clientId: 'opencrvs-partner', secretKey: 'sim-opencrvs-secret', appId: 'partner' } }),
    });
    const cookie = /Authorization=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    assert.ok(cookie, 'the token is in Set-Cookie');
    const headers = { cookie: `Authorization=${cookie}`, 'content-type': 'application/json' };
    const id = '100011000212345678901';
    const create = await fetch(`${s.bed.sim.url}/commons/v1/packetmanager/createPacket`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ id: 'x', version: 'v1', requesttime: '', request: { id, refId: '10001_10002', offlineMode: false, source: 'OPENCRVS', process: 'CRVS_NEW', schemaVersion: '0.1', schemaJson: '{}', fields: { fullName: '[]' }, metaInfo: {}, audits: [{ a: 'b' }] } }),
    });
    const created = (await create.json()) as { response: { id: string }[] | null; errors: unknown };
    assert.deepEqual([created.errors, created.response?.length, created.response?.[0]?.id], [null, 3, id]);
    const wf = await fetch(`${s.bed.sim.url}/registrationprocessor/v1/workflowmanager/workflowinstance`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 'mosip.registration.processor.workflow.instance', version: 'v1', requesttime: new Date(s.bed.clock.now()).toISOString(), request: { registrationId: id, process: 'CRVS_NEW', source: 'OPENCRVS', additionalInfoReqId: '', notificationInfo: {} } }),
    });
    assert.match(((await wf.json()) as { response: { workflowInstanceId: string } }).response.workflowInstanceId, /^[0-9a-f-]{36}$/);
    await admin(s.bed.sim, 'advance', { packetId: id, steps: 2 });
    assert.deepEqual(await regproc.searchStatus([id]), [{ registrationId: id, statusCode: 'PROCESSED', additionalInfoReqId: null }]);
    const bad = await fetch(`${s.bed.sim.url}/v1/authmanager/authenticate/clientidsecretkey`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request: { clientId: 'opencrvs-partner', secretKey: 'nope' } }) });
    // AuthServiceImpl.authenticateWithSecretKey lets Keycloak's 401 reach AuthManagerExceptionHandler.defaultErrorHandler
    assert.deepEqual([bad.status, ((await bad.json()) as { errors: { errorCode: string }[] }).errors[0]?.errorCode], [500, '500']);
  });
});
