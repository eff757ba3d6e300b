import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { join } from 'node:path';
import type { DB } from '../../../../../../electron/services/db/Database';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { MIGRATIONS, migrate } from '../../../../../../electron/services/db/migrations';
import { insertPacketWithJob } from '../../../../../../electron/services/db/repos/packets';
import { makeTempDir } from '../../../../../helpers/tempDir';

const packet = (n: number) => {
  const rid = `1000110002${String(n).padStart(5, '0')}2026120209${String(n).padStart(4, '0')}`;
  return { packet_id: `${rid}-p`, rid, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${rid}-p.zip`, size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: n };
};

describe('migration 130 rid-search', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: DB;
  beforeEach(() => {
    dir = makeTempDir('mig130-');
    db = openDatabase(join(dir.path, 't.db'), randomBytes(32));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });
  const found = (digits: string) =>
    (db.prepare('SELECT packet_id FROM packet_rid_search WHERE packet_rid_search MATCH ? ORDER BY packet_id').all(`"${digits}"`) as { packet_id: string }[]).map((r) => r.packet_id);

  it('indexes the packets already there, then every packet inserted and none deleted', () => {
    migrate(db, MIGRATIONS, 120);
    const before = [packet(1), packet(2)];
    for (const p of before) insertPacketWithJob(db, p);
    assert.ok(migrate(db).applied.includes(130));
    const added = packet(3);
    insertPacketWithJob(db, added);
    // each RID by its own 12 last digits, and a run only one of them holds
    for (const p of [...before, added]) assert.deepEqual(found(p.rid.slice(-12)), [p.packet_id], p.rid);
    assert.deepEqual(found('00003'), [added.packet_id]);
    assert.deepEqual(found('2026120209'), [...before, added].map((p) => p.packet_id).sort());
    assert.deepEqual(found('99999'), []);
    db.prepare('DELETE FROM outbox WHERE packet_id = ?').run(added.packet_id);
    db.prepare('DELETE FROM packets WHERE packet_id = ?').run(added.packet_id);
    assert.deepEqual(found('00003'), [], 'a deleted packet leaves the index with its row');
  });
});
