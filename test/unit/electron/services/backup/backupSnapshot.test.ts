import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DB } from '../../../../../electron/services/db/Database';
import { migrate } from '../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { patchOutbox } from '../../../../../electron/services/db/repos/outbox';
import { insertPacketWithJob } from '../../../../../electron/services/db/repos/packets';
import { integrityProblem, openSnapshot, readSnapshotFacts, snapshotDatabase } from '../../../../../electron/services/backup/backupSnapshot';
import { defaultSnapshotWorker, snapshotInWorker } from '../../../../../electron/services/backup/snapshotInWorker';
import { makeTempDir } from '../../../../helpers/tempDir';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);

/** A migrated live database, encrypted under a fresh key, in a new temp dir (each test's starting point). */
function openLive(prefix: string): { temp: { path: string; remove(): void }; key: Buffer; db: DB } {
  const temp = makeTempDir(prefix);
  const key = randomBytes(32);
  const db = openDatabase(join(temp.path, 'live.db'), key);
  migrate(db);
  return { temp, key, db };
}

function closeLive(live: { temp: { remove(): void }; db: DB }): void {
  live.db.close();
  live.temp.remove();
}

describe('backupSnapshot', () => {
  let temp: { path: string; remove(): void };
  let key: Buffer;
  let db: DB;

  const packet = (id: string) => ({ packet_id: id, rid: `1000110002000${id}20261122090000`, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${id}.zip`, size: 10, sha256: 'AB'.repeat(32), status: 'CREATED', meta: '{}', created_at: NOW });

  beforeEach(() => ({ temp, key, db } = openLive('snapshot-')));
  afterEach(() => closeLive({ temp, db }));

  it('is not the online backup API: SQLite3 Multiple Ciphers refuses to copy encrypted pages into an unkeyed target', async () => {
    await assert.rejects(db.backup(join(temp.path, 'plain.db')), /backup is not supported with incompatible source and target databases/);
  });

  it('writes a copy still encrypted under the same key, which opens read-only and passes integrity_check', () => {
    insertPacketWithJob(db, packet('p1'));
    snapshotDatabase(db, join(temp.path, 'copy.db'));
    assert.notEqual(readFileSync(join(temp.path, 'copy.db')).subarray(0, 15).toString('latin1'), 'SQLite format 3');
    assert.throws(() => openSnapshot(join(temp.path, 'copy.db'), randomBytes(32)), (e: unknown) => (e as { code?: string }).code === 'SQLITE_NOTADB');
    const copy = openSnapshot(join(temp.path, 'copy.db'), key);
    try {
      assert.equal(integrityProblem(copy), undefined);
      assert.throws(() => copy.exec('DELETE FROM packets'), /readonly/);
    } finally {
      copy.close();
    }
  });

  it('lists the packet files the rows expect, without those retention deleted, with the schema version and audit head', () => {
    insertPacketWithJob(db, packet('p1'));
    insertPacketWithJob(db, packet('p2'));
    db.prepare(`UPDATE outbox SET state = 'DONE' WHERE packet_id = 'p2'`).run();
    patchOutbox(db, 'p2', 'DONE', { fileDeletedAt: NOW }, NOW);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('audit.head', '{"seq":7,"hash":"abc"}') ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run();
    snapshotDatabase(db, join(temp.path, 'copy.db'));
    const copy = openSnapshot(join(temp.path, 'copy.db'), key);
    try {
      assert.deepEqual(readSnapshotFacts(copy), { schemaVersion: db.pragma('user_version', { simple: true }), auditHead: { seq: 7, hash: 'abc' }, packets: [{ fileName: 'p1.zip', sha256: 'AB'.repeat(32), size: 10 }] });
    } finally {
      copy.close();
    }
  });
});

describe('snapshotInWorker', () => {
  let temp: { path: string; remove(): void };
  let key: Buffer;
  let db: DB;
  beforeEach(() => ({ temp, key, db } = openLive('snapshot-worker-')));
  afterEach(() => closeLive({ temp, db }));

  it('copies the live database on a worker thread while this connection keeps it open in WAL', async () => {
    db.prepare(`INSERT INTO meta (key, value) VALUES ('probe', 'written before the snapshot')`).run();
    await snapshotInWorker(defaultSnapshotWorker(), { dbPath: join(temp.path, 'live.db'), keyHex: key.toString('hex'), target: join(temp.path, 'copy.db') });
    const copy = openSnapshot(join(temp.path, 'copy.db'), key);
    try {
      assert.deepEqual(copy.prepare(`SELECT value FROM meta WHERE key = 'probe'`).get(), { value: 'written before the snapshot' });
    } finally {
      copy.close();
    }
  });

  it('brings the worker\'s SQLite failure back with its code', async () => {
    await assert.rejects(
      snapshotInWorker(defaultSnapshotWorker(), { dbPath: join(temp.path, 'live.db'), keyHex: randomBytes(32).toString('hex'), target: join(temp.path, 'copy.db') }),
      (e: unknown) => (e as { code?: string }).code === 'SQLITE_NOTADB',
    );
  });
});
