import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';

describe('openDatabase durability settings', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'open-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a fresh database in WAL mode with synchronous = FULL (2), and again after reopening', () => {
    const key = randomBytes(32);
    const path = join(dir, 'fresh.db');
    for (const round of ['created', 'reopened']) {
      const db = openDatabase(path, key);
      try {
        // a commit that acknowledges something to a person must survive a power cut (WAL + NORMAL does not)
        assert.equal(db.pragma('synchronous', { simple: true }), 2, round);
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal', round);
        assert.equal(db.pragma('foreign_keys', { simple: true }), 1, round);
      } finally {
        db.close();
      }
    }
  });
});
