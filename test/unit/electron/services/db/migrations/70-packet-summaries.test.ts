import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DB } from '../../../../../../electron/services/db/Database';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { MIGRATIONS, migrate } from '../../../../../../electron/services/db/migrations';
import { insertPacketWithJob } from '../../../../../../electron/services/db/repos/packets';
import { deletePacketSummary, getPacketSummaryJson, insertPacketSummary } from '../../../../../../electron/services/db/repos/packetSummaries';

const RID = '10001100020000120261122090001';
const PACKET = `${RID}-10001_10002`;

describe('migration 70 packet-summaries', () => {
  let dir: string;
  let db: DB;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mig70-'));
    db = openDatabase(join(dir, 't.db'), randomBytes(32));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the summaries table and leaves existing packets and outbox rows as they were', () => {
    migrate(db, MIGRATIONS, 50);
    insertPacketWithJob(db, { packet_id: PACKET, rid: RID, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${PACKET}.zip`, size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: 5 });
    const before = [db.prepare('SELECT * FROM packets').all(), db.prepare('SELECT * FROM outbox').all()];
    assert.ok(migrate(db, MIGRATIONS, 70).applied.includes(70));
    assert.deepEqual([db.prepare('SELECT * FROM packets').all(), db.prepare('SELECT * FROM outbox').all()], before);
    assert.equal(getPacketSummaryJson(db, RID), undefined, 'a packet built before the migration has no summary');
  });

  it('stores one summary per existing packet and deletes it by packet id', () => {
    // the repository writes the latest schema (since 150 it also indexes the summary's names)
    migrate(db);
    assert.throws(() => insertPacketSummary(db, { packet_id: PACKET, rid: RID, json: '{}', created_at: 5 }), /FOREIGN KEY/);
    insertPacketWithJob(db, { packet_id: PACKET, rid: RID, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${PACKET}.zip`, size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: 5 });
    insertPacketSummary(db, { packet_id: PACKET, rid: RID, json: '{"a":1}', created_at: 5 });
    assert.throws(() => insertPacketSummary(db, { packet_id: PACKET, rid: RID, json: '{}', created_at: 6 }), /UNIQUE/);
    assert.equal(getPacketSummaryJson(db, RID), '{"a":1}');
    assert.deepEqual([deletePacketSummary(db, PACKET), deletePacketSummary(db, PACKET)], [true, false]);
    assert.equal(getPacketSummaryJson(db, RID), undefined);
  });
});
