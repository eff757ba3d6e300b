import type { DB } from '../../electron/services/db/Database';

/** What an attacker with the database key could do: drop the append-only triggers, then run `sql` on the audit log. */
export function tamperAuditLog(db: DB, sql: string): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}
