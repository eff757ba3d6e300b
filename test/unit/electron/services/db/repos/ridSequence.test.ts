import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DB } from '../../../../../../electron/services/db/Database';
import { migrate } from '../../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { takeRidSequence } from '../../../../../../electron/services/db/repos/ridSequence';
import { sql } from '../../../../../../electron/services/db/sql';

describe('takeRidSequence', () => {
  let dir: string;
  let db: DB;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rid-seq-'));
    db = openDatabase(join(dir, 't.db'), randomBytes(32));
    migrate(db);
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts at 1 and counts per centre/machine', () => {
    assert.deepEqual([1, 2, 3].map(() => takeRidSequence(db, '10001', '10002', 0)), [1, 2, 3]);
    assert.equal(takeRidSequence(db, '10001', '10003', 0), 1);
  });

  it('wraps from 99999 back to 1', () => {
    const [q, p] = sql`INSERT INTO rid_sequence (centre_id, machine_id, current, updated_at) VALUES ('10001', '10002', 99998, 0)`;
    db.prepare(q).run(...p);
    assert.equal(takeRidSequence(db, '10001', '10002', 0), 99999);
    assert.equal(takeRidSequence(db, '10001', '10002', 0), 1);
  });

  it('survives reopening the database (persisted)', () => {
    takeRidSequence(db, '10001', '10002', 0);
    const key = randomBytes(32);
    const path = join(dir, 'p.db');
    const a = openDatabase(path, key);
    migrate(a);
    takeRidSequence(a, '10001', '10002', 0);
    a.close();
    const b = openDatabase(path, key);
    assert.equal(takeRidSequence(b, '10001', '10002', 0), 2);
    b.close();
  });
});
