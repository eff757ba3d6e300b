import { LanguageCode, Role, type Role as RoleT } from '../../../../schemas/operators';
import type { DB } from '../Database';
import { sql } from '../sql';

/** One operator as MOSIP user-details sync delivers it (no password: 1.2 never sends one). */
export interface SyncedOperator {
  readonly userId: string;
  readonly name: string | undefined;
  readonly langCode: string | undefined;
  readonly isActive: boolean;
  readonly regCenterId: string | undefined;
  /** undefined = the server did not send roles; keep the local ones */
  readonly roles: readonly string[] | undefined;
}

export interface OperatorSyncChange {
  readonly inserted: number;
  readonly updated: number;
  readonly deactivated: number;
}

/** Keeps only roles this client knows; MOSIP also sends roles for other apps. */
function knownRoles(roles: readonly string[]): RoleT[] {
  return roles.flatMap((r) => (Role.safeParse(r).success ? [r as RoleT] : []));
}

/**
 * Upserts synced operators into `operators` WITHOUT touching password_hash, lock-out counters or
 * the operator's chosen language (offline login keeps the local hash), and deactivates operators the
 * server no longer lists for this centre (the Java client deletes them; we keep the row for audit).
 */
export function applySyncedOperators(db: DB, users: readonly SyncedOperator[], now: number): OperatorSyncChange {
  let inserted = 0;
  let updated = 0;
  let deactivated = 0;
  db.transaction(() => {
    for (const u of users) {
      const roles = u.roles === undefined ? undefined : JSON.stringify(knownRoles(u.roles));
      const language = LanguageCode.safeParse(u.langCode).success ? u.langCode! : 'por';
      const [exists, existsParams] = sql`SELECT 1 FROM operators WHERE user_id = ${u.userId}`;
      const existed = db.prepare(exists).get(...existsParams) !== undefined;
      const [q, p] = sql`INSERT INTO operators (user_id, name, roles, password_hash, is_active, language, created_at, updated_at)
        VALUES (${u.userId}, ${u.name ?? u.userId}, ${roles ?? '[]'}, NULL, ${u.isActive ? 1 : 0}, ${language}, ${now}, ${now})
        ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, is_active = excluded.is_active,
          roles = COALESCE(${roles ?? null}, roles), updated_at = excluded.updated_at`;
      db.prepare(q).run(...p);
      const [mark, markParams] = sql`INSERT INTO operator_sync (user_id, reg_center_id, synced_at) VALUES (${u.userId}, ${u.regCenterId ?? null}, ${now})
        ON CONFLICT (user_id) DO UPDATE SET reg_center_id = excluded.reg_center_id, synced_at = excluded.synced_at`;
      db.prepare(mark).run(...markParams);
      if (existed) updated++;
      else inserted++;
    }
    const keep = JSON.stringify(users.map((u) => u.userId));
    const [q, p] = sql`UPDATE operators SET is_active = 0, updated_at = ${now}
      WHERE is_active = 1 AND user_id IN (SELECT user_id FROM operator_sync)
        AND user_id NOT IN (SELECT value FROM json_each(${keep}))`;
    deactivated = db.prepare(q).run(...p).changes;
  })();
  return { inserted, updated, deactivated };
}
