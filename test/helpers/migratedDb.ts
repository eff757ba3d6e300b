import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'node:test';
import type { DB } from '../../electron/services/db/Database';
import { migrate } from '../../electron/services/db/migrations';
import { openDatabase } from '../../electron/services/db/openDatabase';
import { makeTempDir } from './tempDir';

/** A fresh encrypted database at the latest schema in its own temp dir (`dir`, for files the test writes beside it); `close` removes both. */
export function openMigratedDb(): { db: DB; dir: string; close: () => void } {
  const temp = makeTempDir();
  const db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
  migrate(db);
  return {
    db,
    dir: temp.path,
    close: () => {
      db.close();
      temp.remove();
    },
  };
}

/** The database a describe block's tests read; set by its hooks, so read it inside tests (or later hooks) only. */
export interface MigratedDbHandle {
  readonly db: DB;
  readonly dir: string;
}

/** Registers hooks that open a fresh migrated database per test (openMigratedDb) and remove it after. Call it inside `describe`, before the hooks that use it. */
export function useMigratedDb(): MigratedDbHandle {
  let opened: ReturnType<typeof openMigratedDb> | undefined;
  const get = () => {
    if (!opened) throw new Error('useMigratedDb: the database is read before its hook ran');
    return opened;
  };
  beforeEach(() => {
    opened = openMigratedDb();
  });
  afterEach(() => {
    opened?.close();
    opened = undefined;
  });
  return {
    get db() { return get().db; },
    get dir() { return get().dir; },
  };
}
