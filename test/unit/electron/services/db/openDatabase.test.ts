import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { sqliteAddonPath } from '../../../../../electron/services/db/sqliteAddon';

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

  it('loads the SQLite addon from its known path under plain Node, without the `bindings` search (CLI start-up)', () => {
    const addon = sqliteAddonPath();
    assert.match(addon ?? '', /better-sqlite3-multiple-ciphers[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/);
    const db = openDatabase(join(dir, 'addon.db'), randomBytes(32));
    db.close();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    assert.ok(loaded.includes(addon!), 'the addon was loaded from that path');
    assert.deepEqual(loaded.filter((p) => /[\\/]node_modules[\\/]bindings[\\/]/.test(p)), [], 'bindings was not loaded');
  });
});
