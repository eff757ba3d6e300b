import type { DB } from '../../../electron/services/db/Database';

/** Removes one pinned certificate, as a database written before ROOT/KERNEL pins were kept looks. */
export function deleteCertificateForTest(db: DB, appId: string, refId: string): void {
  db.prepare('DELETE FROM sync_certificates WHERE app_id = ? AND ref_id = ?').run(appId, refId);
}
