import type { AuditLog } from '../../../electron/services/audit/AuditLog';
import type { DB } from '../../../electron/services/db/Database';

/** the events a day adds besides packets and decisions: logins and re-authentications */
const EVENTS = ['LOGIN_SUCCESS', 'OPERATOR_AUTH_SUCCESS'] as const;

/**
 * Appends audit entries through AuditLog (chained, keyed, anchored) until the log holds `total`,
 * a thousand per transaction so the seeding takes seconds, not minutes.
 */
export function seedAudit(db: DB, audit: AuditLog, total: number): void {
  const have = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  for (let at = have; at < total; ) {
    const upTo = Math.min(total, at + 1000);
    db.transaction(() => {
      for (; at < upTo; at++) audit.append(EVENTS[at % EVENTS.length]!, at % 3 === 0 ? 'supervisor1' : 'officer1', { seeded: at });
    })();
  }
}
