import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { join } from 'node:path';
import type { DB } from '../../../../../../electron/services/db/Database';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { MIGRATIONS, migrate } from '../../../../../../electron/services/db/migrations';
import { insertPacketWithJob } from '../../../../../../electron/services/db/repos/packets';
import { makeTempDir } from '../../../../../helpers/tempDir';

const packet = (n: number, createdAt: number) => {
  const rid = `1000110002${String(n).padStart(5, '0')}20261202093000`;
  return { packet_id: `${rid}-p`, rid, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${rid}-p.zip`, size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: createdAt };
};

describe('migration 110 list-indexes', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: DB;
  beforeEach(() => {
    dir = makeTempDir('mig100-');
    db = openDatabase(join(dir.path, 't.db'), randomBytes(32));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });
  const createdAts = () => db.prepare('SELECT o.created_at AS o, p.created_at AS p FROM outbox o JOIN packets p USING (packet_id) ORDER BY p.created_at').all() as { o: number; p: number }[];

  it("copies each existing packet's creation time into its outbox row, and the trigger fills new rows", () => {
    migrate(db, MIGRATIONS, 80);
    insertPacketWithJob(db, packet(1, 1_000));
    insertPacketWithJob(db, packet(2, 2_000));
    assert.ok(migrate(db).applied.includes(100));
    insertPacketWithJob(db, packet(3, 3_000));
    assert.deepEqual(createdAts(), [{ o: 1_000, p: 1_000 }, { o: 2_000, p: 2_000 }, { o: 3_000, p: 3_000 }]);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('outbox', 'drafts') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    for (const name of ['outbox_state_created', 'outbox_created', 'drafts_operator']) assert.ok(indexes.includes(name), `${name} in ${indexes.join(', ')}`);
  });
});
