import { existsSync } from 'node:fs';
import { AppError } from '../../../schemas/errors';
import { BetterSqlite3, type DB } from './Database';
import { sqliteAddonPath } from './sqliteAddon';

/**
 * Opens (or creates) the SQLCipher-compatible encrypted database with a raw 256-bit key, in WAL
 * mode with foreign keys on, and proves the key by reading the schema.
 *
 * `synchronous = FULL`: under WAL, NORMAL skips the fsync of the WAL at each commit, so a power
 * cut can roll back a commit whose result a person already saw (a packet receipt, an approval).
 * FULL syncs the WAL before the commit returns; the cost is one fsync per write transaction.
 * @throws AppError ERR_DB_KEY_INVALID (wrong key), ERR_DB_CORRUPT (not a database even with a key)
 */
export function openDatabase(path: string, key: Buffer): DB {
  if (key.length !== 32) throw new TypeError(`openDatabase: expected a 32-byte key, got ${key.length}`);
  const existed = existsSync(path);
  const nativeBinding = sqliteAddonPath();
  const db = new BetterSqlite3(path, nativeBinding === undefined ? {} : { nativeBinding });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    // The key is hex from our own random bytes: no user input reaches this string.
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (cause) {
    db.close();
    const code = (cause as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new AppError('ERR_DB_KEY_INVALID', { path, reason: existed ? 'the key does not open this database' : 'cannot create database' }, { cause });
    }
    if (code === 'SQLITE_CORRUPT') throw new AppError('ERR_DB_CORRUPT', { path }, { cause });
    throw cause;
  }
}
