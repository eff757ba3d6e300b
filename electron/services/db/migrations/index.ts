import { AppError } from '../../../../schemas/errors';
import type { DB } from '../Database';
import type { Migration } from './Migration';
import { updateToSchemaVersion10 } from './10-initial-schema';
import { updateToSchemaVersion20 } from './20-packets';
import { updateToSchemaVersion30 } from './30-sync-data';
import { updateToSchemaVersion40 } from './40-outbox';
import { updateToSchemaVersion50 } from './50-drafts';
import { updateToSchemaVersion60 } from './60-pre-registrations';
import { updateToSchemaVersion70 } from './70-packet-summaries';
import { updateToSchemaVersion80 } from './80-run-leases';
import { updateToSchemaVersion95 } from './95-crvs-online';
import { updateToSchemaVersion100 } from './100-crvs-events';
import { updateToSchemaVersion110 } from './110-list-indexes';
import { updateToSchemaVersion120 } from './120-crvs-action-tokens';
import { updateToSchemaVersion130 } from './130-rid-search';
import { updateToSchemaVersion140 } from './140-count-indexes';
import { updateToSchemaVersion150 } from './150-name-search';
import { defined } from '../../../../schemas/errors/assert';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [updateToSchemaVersion10, updateToSchemaVersion20, updateToSchemaVersion30, updateToSchemaVersion40, updateToSchemaVersion50, updateToSchemaVersion60, updateToSchemaVersion70, updateToSchemaVersion80, updateToSchemaVersion95, updateToSchemaVersion100, updateToSchemaVersion110, updateToSchemaVersion120, updateToSchemaVersion130, updateToSchemaVersion140, updateToSchemaVersion150];

export const LATEST_SCHEMA_VERSION = defined(MIGRATIONS.at(-1), 'the last migration').version;

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

/**
 * Brings the database to `target` (default: latest). Each step runs in its own transaction and
 * sets `user_version`, so a failing step leaves the database at the previous version, intact.
 * @throws AppError ERR_DB_NEWER_VERSION, ERR_DB_MIGRATION_FAILED
 */
export function migrate(db: DB, migrations: readonly Migration[] = MIGRATIONS, target?: number): MigrationResult {
  assertAscending(migrations);
  const supported = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const to = target ?? supported;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > supported) throw new AppError('ERR_DB_NEWER_VERSION', { found: from, supported });
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > to) continue;
    try {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (cause) {
      throw new AppError('ERR_DB_MIGRATION_FAILED', { version: migration.version, reason: String((cause as Error).message) }, { cause });
    }
    applied.push(migration.version);
  }
  return { from, to: Math.max(from, applied[applied.length - 1] ?? from), applied };
}

function assertAscending(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) {
      throw new TypeError(`migrate: versions must go up, ${migrations[i]!.version} follows ${migrations[i - 1]!.version}`);
    }
  }
}
