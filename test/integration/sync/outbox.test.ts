import assert from 'node:assert/strict';
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { findOutbox, patchOutbox } from '../../../electron/services/db/repos/outbox';
import { PacketApprovalService } from '../../../electron/services/sync/approval/PacketApprovalService';
import { ManualClock } from '../../../native/time/ManualClock';
import { throwsWithCode } from '../../helpers/assertAppError';
import { admin, makeClient, startSimBed, type ClientBed, type SimBed } from './syncTestBed';
import { approveAll, makeOutbox, seedPackets } from './outboxBed';

type SimStats = { packets: Record<string, { registrationId: string; synced: number; uploaded: number; status: string; uin: string | null }> };

describe('packet outbox against the simulator', () => {
  let bed: SimBed;
  let client: ClientBed;
  let seq = 1;
  before(async () => {
    bed = await startSimBed();
  });
  after(async () => {
    await bed.close();
  });
  beforeEach(async () => {
    client = makeClient(bed, { timeoutMs: 1500 });
    await client.service.login('officer1', 'Officer#2026');
    await client.service.downSync();
  });
  afterEach(async () => {
    await admin(bed.sim, 'faults', {}, 'DELETE');
    client.close();
  });

  async function packets(count: number): Promise<string[]> {
    const rids = await seedPackets({ db: client.db, dataDir: client.dataDir, sim: bed.sim, machineKey: bed.machineKey, now: bed.clock.now(), count, firstSequence: seq });
    seq += count;
    return rids;
  }
  async function statsOf(rids: readonly string[]) {
    const stats = (await admin(bed.sim, 'stats', undefined, 'GET')) as unknown as SimStats;
    return rids.map((rid) => Object.values(stats.packets).find((p) => p.registrationId === rid));
  }
  const approver = () => new PacketApprovalService({ db: client.db, audit: new AuditLog(client.db, bed.clock), clock: bed.clock });
  const supervisor = { userId: 'supervisor1', roles: ['REGISTRATION_SUPERVISOR'] };

  it('refuses approval by an operator without REGISTRATION_SUPERVISOR, and unknown or missing reasons', async () => {
    const [rid] = await packets(1);
    throwsWithCode(() => approver().decide({ userId: 'officer1', roles: ['REGISTRATION_OFFICER'] }, 'approve', { ids: [rid!] }), 'ERR_SYNC_NOT_SUPERVISOR', { userId: 'officer1' });
    throwsWithCode(() => approver().decide(supervisor, 'reject', { ids: [rid!] }), 'ERR_SYNC_REASON_REQUIRED', { action: 'reject' });
    throwsWithCode(() => approver().decide(supervisor, 'reject', { ids: [rid!], reasonCode: 'NOPE' }), 'ERR_SYNC_REASON_UNKNOWN', { code: 'NOPE', known: 'APM, DMD' });
    throwsWithCode(() => approver().decide(supervisor, 'approve', { ids: [rid!, 'unknown-rid'] }), 'ERR_SYNC_PACKET_NOT_FOUND', { id: 'unknown-rid' });
    assert.equal(findOutbox(client.db, rid!)?.state, 'PENDING', 'a refused bulk request changes nothing');
  });

  it('holds, then rejects with a reason, and bulk-approves; each decision audited; decided packets are final', async () => {
    const rids = await packets(3);
    const held = approver().decide(supervisor, 'hold', { ids: [rids[0]!], reasonCode: 'DMD' });
    assert.deepEqual([held[0]!.state, held[0]!.supervisorStatus, held[0]!.reasonCode], ['ON_HOLD', 'ON_HOLD', 'DMD']);
    const rejected = approver().decide(supervisor, 'reject', { ids: [rids[0]!], reasonCode: 'APM' });
    assert.deepEqual([rejected[0]!.state, rejected[0]!.supervisorStatus, rejected[0]!.decidedBy], ['READY', 'REJECTED', 'supervisor1']);
    const approved = approver().decide(supervisor, 'approve', { ids: rids.slice(1) });
    assert.deepEqual(approved.map((i) => i.supervisorStatus), ['APPROVED', 'APPROVED']);
    throwsWithCode(() => approver().decide(supervisor, 'approve', { ids: [rids[1]!] }), 'ERR_SYNC_PACKET_ALREADY_DECIDED', { rid: rids[1], state: 'READY' });
    const events = new AuditLog(client.db, bed.clock).recent(20).filter((e) => e.event.startsWith('PACKET_') && e.actor === 'supervisor1').map((e) => [e.event, e.details['rid']]);
    assert.deepEqual(events.reverse(), [['PACKET_ON_HOLD', rids[0]], ['PACKET_REJECTED', rids[0]], ['PACKET_APPROVED', rids[1]], ['PACKET_APPROVED', rids[2]]]);
  });

  it('syncs, uploads each packet once and follows the server status to PROCESSED by the real RIDs', async () => {
    const rids = await packets(3);
    approveAll(client.db, bed.clock, rids.slice(1));
    approver().decide(supervisor, 'reject', { ids: [rids[0]!], reasonCode: 'APM' });
    const outbox = makeOutbox(client, bed.sim, bed.clock);
    const first = await outbox.run();
    assert.deepEqual([first.synced, first.uploaded.sort(), first.parked, first.stoppedBy], [rids, [...rids].sort(), [], null]);
    await admin(bed.sim, 'advance', { steps: 2 });
    const second = await outbox.run();
    assert.deepEqual(second.statusUpdated.map((s) => [s.rid, s.status]), [[rids[0], 'REJECTED'], [rids[1], 'PROCESSED'], [rids[2], 'PROCESSED']]);
    assert.deepEqual(outbox.list().items.filter((i) => rids.includes(i.rid)).map((i) => i.state), ['DONE', 'DONE', 'DONE']);
    const server = await statsOf(rids);
    assert.deepEqual(server.map((p) => [p?.uploaded, p?.status, p?.uin !== null]), [[1, 'REJECTED', false], [1, 'PROCESSED', true], [1, 'PROCESSED', true]]);
  });

  it('waits out 503s with jittered backoff and honours 429 Retry-After, then completes', async () => {
    const rids = await packets(2);
    approveAll(client.db, bed.clock, rids);
    await admin(bed.sim, 'faults', { endpoint: '/registrationprocessor/v1/registrationstatus/syncV2', kind: 'status', status: 503, times: 2 });
    const outbox = makeOutbox(client, bed.sim, bed.clock);
    const t0 = bed.clock.now();
    const failed = await outbox.run();
    // random 0.5 × min(cap, 1000 × 2^0) = 500 ms
    assert.deepEqual(failed.retrying.map((r) => [r.rid, r.code, r.nextAttemptAt - t0]), rids.map((rid) => [rid, 'ERR_SYNC_SERVER_ERROR', 500]));
    assert.deepEqual((await outbox.run()).synced, [], 'nothing is retried before its time');
    bed.clock.advance(500);
    const t1 = bed.clock.now();
    // the second failure in a row waits twice as long: 0.5 × 1000 × 2^1
    assert.deepEqual((await outbox.run()).retrying.map((r) => [r.rid, r.nextAttemptAt - t1]), rids.map((rid) => [rid, 1000]));
    assert.deepEqual(rids.map((rid) => findOutbox(client.db, rid)?.attempts), [2, 2]);
    await admin(bed.sim, 'faults', { endpoint: '/registrationprocessor/v1/packetreceiver', kind: 'rateLimit', retryAfterSeconds: 30, times: 1 });
    bed.clock.advance(1000);
    const limited = await outbox.run();
    assert.deepEqual(limited.synced, rids);
    assert.equal(limited.retrying[0]!.code, 'ERR_SYNC_RATE_LIMITED');
    assert.equal(limited.retrying[0]!.nextAttemptAt - bed.clock.now(), 30_000, 'Retry-After wins over a shorter backoff');
    bed.clock.advance(30_000);
    const done = await outbox.run();
    assert.deepEqual([...limited.uploaded, ...done.uploaded].sort(), [...rids].sort());
    assert.deepEqual((await statsOf(rids)).map((p) => p?.uploaded), [1, 1]);
    // sent: no failure count is carried on (a later RESEND would start its backoff from the first step)
    assert.deepEqual(rids.map((rid) => findOutbox(client.db, rid)).map((r) => [r?.attempts, r?.lastErrorCode, r?.nextAttemptAt]), rids.map(() => [0, null, null]));
  });

  it('re-logs in at most three times in one run, then stops with the session error, parking nothing', async () => {
    const [rid] = await packets(1);
    approveAll(client.db, bed.clock, [rid!]);
    const SYNC = '/registrationprocessor/v1/registrationstatus/syncV2';
    await admin(bed.sim, 'faults', { endpoint: SYNC, kind: 'unauthorized' });
    const before = bed.sim.requestCounts[SYNC] ?? 0;
    const run = await makeOutbox(client, bed.sim, bed.clock).run();
    assert.equal(run.stoppedBy?.code, 'ERR_SYNC_AUTH_EXPIRED');
    assert.equal((bed.sim.requestCounts[SYNC] ?? 0) - before, 4, 'the first try, then one after each of three re-logins');
    assert.deepEqual([run.parked, findOutbox(client.db, rid!)?.state], [[], 'READY']);
  });

  it('sends at once when a person asks after the server is back, without waiting out the automatic backoff', async () => {
    const rids = await packets(1);
    approveAll(client.db, bed.clock, rids);
    await admin(bed.sim, 'faults', { endpoint: '/', kind: 'reset' });
    const outbox = makeOutbox(client, bed.sim, bed.clock);
    const down = await outbox.run({ ignoreBackoff: true });
    assert.deepEqual(down.retrying.map((r) => [r.rid, r.code]), [[rids[0], 'ERR_SYNC_UNREACHABLE']]);
    assert.ok(down.retrying[0]!.nextAttemptAt > bed.clock.now(), 'an automatic retry is planned for later');
    await admin(bed.sim, 'faults', {}, 'DELETE');
    assert.deepEqual((await outbox.run()).synced, [], 'an automatic run keeps the backoff');
    const asked = await outbox.run({ ignoreBackoff: true });
    assert.deepEqual([asked.synced, asked.uploaded], [rids, rids]);
    assert.deepEqual((await statsOf(rids)).map((p) => p?.uploaded), [1]);
  });

  it('survives resets, a hung server and a session expired mid-run (re-login once, then continue)', async () => {
    const rids = await packets(3);
    approveAll(client.db, bed.clock, rids);
    const outbox = makeOutbox(client, bed.sim, bed.clock);
    await admin(bed.sim, 'faults', { endpoint: '/registrationprocessor/v1/registrationstatus/syncV2', kind: 'reset', times: 1 });
    assert.equal((await outbox.run()).retrying[0]!.code, 'ERR_SYNC_UNREACHABLE');
    bed.clock.advance(60_000);
    await admin(bed.sim, 'faults', { endpoint: '/registrationprocessor/v1/registrationstatus/syncV2', kind: 'hang', times: 1 });
    assert.equal((await outbox.run()).retrying[0]!.code, 'ERR_SYNC_TIMEOUT');
    bed.clock.advance(60_000);
    bed.sim.expireTokens(false);
    await admin(bed.sim, 'faults', { endpoint: '/registrationprocessor/v1/packetreceiver', kind: 'unauthorized', times: 1 });
    const done = await outbox.run();
    assert.deepEqual([done.synced, done.uploaded.length, done.stoppedBy], [rids, 3, null]);
    assert.deepEqual((await statsOf(rids)).map((p) => p?.uploaded), [1, 1, 1]);
  });

  it('parks a packet corrupted on disk after approval and never uploads it', async () => {
    const [bad, good] = await packets(2);
    approveAll(client.db, bed.clock, [bad!, good!]);
    const item = findOutbox(client.db, bad!)!;
    appendFileSync(join(client.dataDir, 'packets', `${item.packetId}.zip`), 'x');
    const run = await makeOutbox(client, bed.sim, bed.clock).run();
    assert.deepEqual(run.uploaded, [good]);
    assert.deepEqual(run.parked.map((p) => [p.rid, p.code, p.details['expected']]), [[bad, 'ERR_SYNC_PACKET_CORRUPTED', item.sha256]]);
    const parked = makeOutbox(client, bed.sim, bed.clock).list({ state: 'PARKED' }).items;
    assert.deepEqual(parked.map((p) => [p.rid, p.lastErrorCode]), [[bad, 'ERR_SYNC_PACKET_CORRUPTED']]);
    assert.deepEqual((await statsOf([bad!])).map((p) => p?.uploaded), [0]);
  });

  it('parks a packet the server refuses, with MOSIP\'s errorCode', async () => {
    const [rid] = await packets(1);
    approveAll(client.db, bed.clock, [rid!]);
    client.db.prepare("UPDATE packets SET process = 'NOT_A_PROCESS' WHERE rid = ?").run(rid!);
    const run = await makeOutbox(client, bed.sim, bed.clock).run();
    assert.deepEqual(run.parked.map((p) => [p.rid, p.code, p.details['errorCode']]), [[rid, 'ERR_SYNC_REJECTED', 'RPR-RGS-003']]);
  });

  it('resumes an upload interrupted after the server got it without sending it again', async () => {
    const [rid] = await packets(1);
    approveAll(client.db, bed.clock, [rid!]);
    const outbox = makeOutbox(client, bed.sim, bed.clock);
    await outbox.run();
    const item = findOutbox(client.db, rid!)!;
    // As if the process died after the server answered but before UPLOADED was written.
    patchOutbox(client.db, item.packetId, 'UPLOADED', { state: 'UPLOADING', uploadedAt: null }, bed.clock.now());
    const resumed = await makeOutbox(client, bed.sim, bed.clock).run();
    assert.deepEqual(resumed.uploaded, [rid]);
    assert.deepEqual((await statsOf([rid!])).map((p) => p?.uploaded), [1]);
  });

  it('dates a server status from when it was first seen, so retention counts from then', async () => {
    const [rid] = await packets(1);
    approveAll(client.db, bed.clock, [rid!]);
    const outbox = makeOutbox(client, bed.sim, bed.clock);
    await outbox.run();
    await admin(bed.sim, 'advance', { steps: 2 });
    const item = findOutbox(client.db, rid!)!;
    // the process died after the upload; by the restart the server has processed the packet
    patchOutbox(client.db, item.packetId, 'UPLOADED', { state: 'UPLOADING' }, bed.clock.now());
    const seenAt = bed.clock.now();
    await outbox.run({ statuses: false });
    assert.deepEqual([findOutbox(client.db, rid!)?.state, findOutbox(client.db, rid!)?.serverStatus], ['UPLOADED', 'PROCESSED'], 'learnt while resuming the upload');
    bed.clock.advance(3_600_000);
    assert.deepEqual((await outbox.pollStatuses()).statusUpdated, [{ rid, status: 'PROCESSED' }]);
    assert.deepEqual([findOutbox(client.db, rid!)?.state, findOutbox(client.db, rid!)?.serverStatusAt], ['DONE', seenAt]);
  });

  it('stops with ERR_SYNC_CLOCK_SKEW when the machine clock is far off, parking nothing', async () => {
    const own = new ManualClock(bed.clock.now());
    const skewed = makeClient(bed, { clock: own, timeoutMs: 1500 });
    try {
      await skewed.service.login('officer1', 'Officer#2026');
      await skewed.service.downSync();
      const [rid] = await seedPackets({ db: skewed.db, dataDir: skewed.dataDir, sim: bed.sim, machineKey: bed.machineKey, now: own.now(), count: 1, firstSequence: seq++ });
      approveAll(skewed.db, own, [rid!]);
      own.advance(3 * 3_600_000); // the machine clock jumps 3 hours ahead of the server
      const run = await makeOutbox(skewed, bed.sim, own).run();
      assert.deepEqual([run.stoppedBy?.code, run.stoppedBy?.details['skewMinutes']], ['ERR_SYNC_CLOCK_SKEW', 180]);
      assert.deepEqual([run.parked, findOutbox(skewed.db, rid!)?.state], [[], 'READY']);
    } finally {
      skewed.close();
    }
  });
});
