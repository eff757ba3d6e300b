import { BetterSqlite3, type DB } from '../db/Database';
import { sqliteAddonPath } from '../db/sqliteAddon';
import { getMeta } from '../db/repos/meta';
import { sql } from '../db/sql';

/** A packet file the snapshot's rows expect on disk. */
export interface SnapshotPacket {
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
}

/** What a backup and a restore read from a database copy. */
export interface SnapshotFacts {
  readonly schemaVersion: number;
  readonly auditHead: { readonly seq: number; readonly hash: string };
  /** rows whose file should exist: retention has not deleted it */
  readonly packets: readonly SnapshotPacket[];
}

/**
 * Copies the live database into `path` as one consistent snapshot, while the app and other CLI
 * runs go on writing (WAL: a reader does not block writers). It is `VACUUM INTO`, not the online
 * backup API: better-sqlite3's `db.backup()` opens its target without a key, and SQLite3 Multiple
 * Ciphers refuses ("backup is not supported with incompatible source and target databases") to
 * copy encrypted pages into a plain file. `VACUUM INTO` writes the copy under the same cipher and
 * key, inside one read transaction, so the folder never holds the data in the clear.
 */
export function snapshotDatabase(db: DB, path: string): void {
  const [q, p] = sql`VACUUM INTO ${path}`;
  db.prepare(q).run(...p);
}

/**
 * Opens a database copy read-only with its key: no WAL, no migration, nothing written.
 * @throws the SQLite error when the key does not open it (SQLITE_NOTADB) or a page is damaged
 */
export function openSnapshot(path: string, key: Buffer): DB {
  const nativeBinding = sqliteAddonPath();
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    // hex of our own random bytes: no input reaches this string
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Reads schema version, audit head and expected packet files from a snapshot. */
export function readSnapshotFacts(db: DB): SnapshotFacts {
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const head = getMeta(db, 'audit.head');
  const parsedHead = head === undefined ? { seq: 0, hash: '' } : (JSON.parse(head) as { seq: number; hash: string });
  const [q, p] = sql`SELECT p.file_name AS fileName, p.sha256 AS sha256, p.size AS size FROM packets p
    WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.packet_id = p.packet_id AND o.file_deleted_at IS NOT NULL)
    ORDER BY p.file_name`;
  const packets = db.prepare(q).all(...p) as SnapshotPacket[];
  return { schemaVersion, auditHead: { seq: parsedHead.seq, hash: parsedHead.hash }, packets };
}

/** `integrity_check` on a copy: a flipped byte inside an encrypted page fails its HMAC here. */
export function integrityProblem(db: DB): string | undefined {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const first = rows[0]?.integrity_check;
  return first === 'ok' ? undefined : (first ?? 'integrity_check returned nothing');
}
