import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppError } from '../../../../../../schemas/errors';
import type { BulkDecisionProgress } from '../../../../../../schemas/bulkDecision';
import type { OutboxItem } from '../../../../../../schemas/outbox';
import { ManualClock } from '../../../../../../native/time/ManualClock';
import { AuditLog } from '../../../../../../electron/services/audit/AuditLog';
import type { DB } from '../../../../../../electron/services/db/Database';
import { countOutbox } from '../../../../../../electron/services/db/repos/outboxPage';
import { PacketApprovalService } from '../../../../../../electron/services/sync/approval/PacketApprovalService';
import { openListDb, seedListRows, type SeededRow } from '../../../../../helpers/seedListRows';
import { testRandom } from '../../../../../helpers/testRandom';

const SUPERVISOR = { userId: 'sup1', roles: ['REGISTRATION_SUPERVISOR'] };
const WAITING = ['PENDING', 'ON_HOLD'] as const;

describe('PacketApprovalService.decideMatching (approve all matching)', () => {
  const random = testRandom('decideMatching');
  let db: DB;
  let close: () => void;
  let rows: SeededRow[];
  let clock: ManualClock;
  let audit: AuditLog;
  let changed: OutboxItem[];
  let service: PacketApprovalService;
  beforeEach(() => {
    ({ db, close } = openListDb());
    rows = seedListRows(db, random, 300);
    clock = new ManualClock(1_770_000_000_000);
    audit = new AuditLog(db, clock);
    changed = [];
    service = new PacketApprovalService({ db, audit, clock, onDidChange: (i) => changed.push(i) });
  });
  afterEach(() => close());

  const waiting = () => rows.filter((r) => r.state === 'PENDING' || r.state === 'ON_HOLD');
  const approvedAudits = () => audit.recent(10_000).filter((e) => e.event === 'PACKET_APPROVED');

  it('approves every matching packet in chunks, audits each, reports progress, touches nothing else', async () => {
    const expected = waiting().filter((r) => r.process === 'NEW');
    const progress: BulkDecisionProgress[] = [];
    const result = await service.decideMatching(SUPERVISOR, { action: 'approve', filter: { states: [...WAITING], process: 'NEW' }, expected: expected.length }, { chunkSize: 16, onProgress: (p) => progress.push(p) });
    assert.deepEqual(result, { action: 'approve', decided: expected.length, skipped: [], skippedCount: 0, cancelled: false });
    assert.deepEqual(new Set(approvedAudits().map((e) => e.details['rid'])), new Set(expected.map((r) => r.rid)));
    assert.deepEqual(new Set(changed.map((i) => i.rid)), new Set(expected.map((r) => r.rid)));
    assert.equal(progress.at(-1)?.done, expected.length);
    assert.ok(progress.length >= Math.ceil(expected.length / 16), 'one progress event per chunk');
    assert.equal(countOutbox(db, { states: [...WAITING], process: 'NEW' }), 0);
    assert.equal(countOutbox(db, { states: [...WAITING], process: 'UPDATE' }), waiting().filter((r) => r.process === 'UPDATE').length, 'other processes stay waiting');
  });

  it('refuses when the count the supervisor saw is not the count now, and decides nothing', async () => {
    const n = waiting().length;
    await assert.rejects(service.decideMatching(SUPERVISOR, { action: 'approve', filter: { states: [...WAITING] }, expected: n + 1 }), (err: unknown) => err instanceof AppError && err.code === 'ERR_SYNC_MATCHING_CHANGED' && JSON.stringify(err.details) === JSON.stringify({ expected: n + 1, found: n }));
    assert.equal(approvedAudits().length, 0);
  });

  it('skips and reports packets another supervisor decided while the chunks ran', async () => {
    const all = waiting().map((r) => r.rid);
    const sorted = [...waiting()].sort((a, b) => a.createdAt - b.createdAt || (a.packetId < b.packetId ? -1 : 1));
    const late = sorted.slice(-3).map((r) => r.rid);
    let once = false;
    const result = await service.decideMatching(SUPERVISOR, { action: 'approve', filter: { states: [...WAITING] }, expected: all.length }, {
      chunkSize: 10,
      onProgress: () => {
        if (once) return;
        once = true;
        // between the first and the second chunk, another supervisor approves the last three itself
        service.decide({ userId: 'sup2', roles: ['REGISTRATION_SUPERVISOR'] }, 'approve', { ids: late });
      },
    });
    assert.deepEqual(new Set(result.skipped.map((s) => s.rid)), new Set(late));
    assert.equal(result.skippedCount, 3);
    assert.equal(result.decided, all.length - 3);
    assert.deepEqual(approvedAudits().filter((e) => late.includes(String(e.details['rid']))).map((e) => e.actor), ['sup2', 'sup2', 'sup2'], 'decided once, by the other supervisor');
  });

  it('stops between chunks when cancelled; committed chunks stay decided, the rest wait', async () => {
    const controller = new AbortController();
    const n = waiting().length;
    const result = await service.decideMatching(SUPERVISOR, { action: 'approve', filter: { states: [...WAITING] }, expected: n }, { chunkSize: 5, signal: controller.signal, onProgress: (p) => p.done >= 10 && controller.abort() });
    assert.equal(result.cancelled, true);
    assert.ok(result.decided >= 10 && result.decided < n, String(result.decided));
    assert.equal(approvedAudits().length, result.decided);
    assert.equal(countOutbox(db, { states: [...WAITING] }), n - result.decided);
  });

  it('leaves out packets built after the count (created later than the decision started)', async () => {
    const n = waiting().length;
    const later = seedListRows(db, random, 5, clock.now() + 60_000, 1000).filter((r) => r.state === 'PENDING' || r.state === 'ON_HOLD');
    const result = await service.decideMatching(SUPERVISOR, { action: 'approve', filter: { states: [...WAITING] }, expected: n });
    assert.equal(result.decided, n);
    assert.equal(countOutbox(db, { states: [...WAITING] }), later.length);
  });

  it('refuses an officer, audited as a role denial', async () => {
    await assert.rejects(service.decideMatching({ userId: 'off1', roles: ['REGISTRATION_OFFICER'] }, { action: 'approve', filter: { states: ['PENDING'] }, expected: 1 }), (err: unknown) => err instanceof AppError && err.code === 'ERR_SYNC_NOT_SUPERVISOR');
    assert.equal(audit.recent(1)[0]?.event, 'ROLE_DENIED');
  });
});
