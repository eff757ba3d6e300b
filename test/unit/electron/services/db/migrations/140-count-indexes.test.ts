import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { join } from 'node:path';
import type { DB } from '../../../../../../electron/services/db/Database';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { MIGRATIONS, migrate } from '../../../../../../electron/services/db/migrations';
import { countAuditRowsSince, insertAuditRow } from '../../../../../../electron/services/db/repos/audit';
import { countOutboxByState, lastDepartureAt, retentionCandidates } from '../../../../../../electron/services/db/repos/outbox';
import { insertPacketWithJob } from '../../../../../../electron/services/db/repos/packets';
import { makeTempDir } from '../../../../../helpers/tempDir';
import { testRandom } from '../../../../../helpers/testRandom';

const HOUR = 3_600_000;
const T0 = 1_796_256_000_000;

describe('migration 140 count-indexes', () => {
  const random = testRandom('mig140');
  let dir: ReturnType<typeof makeTempDir>;
  let db: DB;
  let seq = 0;
  beforeEach(() => {
    dir = makeTempDir('mig140-');
    db = openDatabase(join(dir.path, 't.db'), randomBytes(32));
    seq = 0;
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });
  // raw rows: the count does not depend on the chain, and a clock that went back writes an older `at` after a newer one
  const audit = (at: number) => insertAuditRow(db, { seq: ++seq, at, event: 'E', actor: null, details: '{}', prev_hash: 'x', hash: 'y' });
  const naive = (since: number) => (db.prepare('SELECT count(*) AS n FROM audit_log WHERE at >= ?').get(since) as { n: number }).n;

  it('counts the audit rows since any time exactly, from hours counted before and after the migration', () => {
    migrate(db, MIGRATIONS, 130);
    const ats: number[] = [];
    for (let i = 0; i < 300; i++) ats.push(T0 + random.int(48 * HOUR));
    for (const at of ats.slice(0, 150)) audit(at);
    assert.ok(migrate(db).applied.includes(140));
    for (const at of ats.slice(150)) audit(at);
    audit(T0 + 10 * HOUR); // exactly on an hour
    const sinces = [T0, T0 + 10 * HOUR, T0 + 10 * HOUR + 1, T0 - 1, T0 + 49 * HOUR, ...Array.from({ length: 40 }, () => T0 + random.int(50 * HOUR))];
    for (const since of sinces) assert.equal(countAuditRowsSince(db, since), naive(since), `since ${since - T0} ms after T0`);
  });

  it('keeps the outbox counts the limits, Home and retention read (states asked, last departure, files on disk)', () => {
    migrate(db);
    const rows = [
      ['a', 'PENDING', null, null, null, null],
      ['b', 'READY', null, null, null, null],
      ['c', 'DONE', T0 + 5, null, 'PROCESSED', T0 + 100],
      ['d', 'DONE', T0 + 9, null, 'PROCESSED', T0 + 300],
      ['e', 'DONE', null, T0 + 7, 'ACCEPTED', null],
      ['f', 'DONE', T0 + 3, null, 'PROCESSED', T0 + 50],
    ] as const;
    for (const [id, state, uploadedAt, exportedAt, serverStatus, statusAt] of rows) {
      insertPacketWithJob(db, { packet_id: id, rid: `rid-${id}`, process: 'NEW', centre_id: '1', machine_id: '2', file_name: `${id}.zip`, size: id.charCodeAt(0), sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: T0 });
      db.prepare('UPDATE outbox SET state = ?, uploaded_at = ?, exported_at = ?, server_status = ?, server_status_at = ? WHERE packet_id = ?').run(state, uploadedAt, exportedAt, serverStatus, statusAt, id);
    }
    db.prepare('UPDATE outbox SET file_deleted_at = 1 WHERE packet_id = ?').run('f');
    assert.deepEqual(countOutboxByState(db, ['PENDING', 'READY', 'PARKED']), { PENDING: 1, READY: 1 });
    assert.equal(lastDepartureAt(db), T0 + 9);
    // c due (status at T0+100 ≤ cutoff), d and e later (e: no status time), f's file already gone
    const c = 'c'.charCodeAt(0);
    assert.deepEqual(retentionCandidates(db, ['PROCESSED', 'ACCEPTED'], T0 + 200), { due: { files: 1, bytes: c }, later: { files: 2, bytes: 'd'.charCodeAt(0) + 'e'.charCodeAt(0) } });
    db.prepare('UPDATE outbox SET exported_at = ? WHERE packet_id = ?').run(T0 + 20, 'e');
    assert.equal(lastDepartureAt(db), T0 + 20);
  });
});
