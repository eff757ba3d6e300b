import type { DB } from '../Database';
import { sql } from '../sql';

export interface StoredCertificate {
  readonly pem: string;
  /** SHA-256 of the certificate DER, lowercase hex */
  readonly thumbprint: string;
  readonly syncedAt: number;
}

/** Server certificates by (applicationId, referenceId): KERNEL/SIGN (pinned), REGISTRATION/<c>_<m>. */
export function putCertificate(db: DB, appId: string, refId: string, cert: StoredCertificate): void {
  const [q, p] = sql`INSERT INTO sync_certificates (app_id, ref_id, pem, thumbprint, synced_at)
    VALUES (${appId}, ${refId}, ${cert.pem}, ${cert.thumbprint}, ${cert.syncedAt})
    ON CONFLICT (app_id, ref_id) DO UPDATE SET pem = excluded.pem, thumbprint = excluded.thumbprint, synced_at = excluded.synced_at`;
  db.prepare(q).run(...p);
}

export function getCertificate(db: DB, appId: string, refId: string): StoredCertificate | undefined {
  const [q, p] = sql`SELECT pem, thumbprint, synced_at FROM sync_certificates WHERE app_id = ${appId} AND ref_id = ${refId}`;
  const row = db.prepare(q).get(...p) as { pem: string; thumbprint: string; synced_at: number } | undefined;
  return row ? { pem: row.pem, thumbprint: row.thumbprint, syncedAt: row.synced_at } : undefined;
}

export interface CaCertificateRecord {
  readonly certId: string;
  readonly partnerDomain: string | undefined;
  readonly pem: string;
  readonly thumbprint: string;
  readonly notAfter: string | undefined;
}

/** CA certificates for device (SBI) trust: upserted, or removed when the server marks them deleted. */
export function applyCaCertificates(db: DB, certs: readonly (CaCertificateRecord & { deleted: boolean })[], now: number): { upserted: number; removed: number } {
  let upserted = 0;
  let removed = 0;
  db.transaction(() => {
    for (const c of certs) {
      if (c.deleted) {
        const [q, p] = sql`DELETE FROM ca_certificates WHERE cert_id = ${c.certId}`;
        removed += db.prepare(q).run(...p).changes;
        continue;
      }
      const [q, p] = sql`INSERT INTO ca_certificates (cert_id, partner_domain, pem, thumbprint, not_after, synced_at)
        VALUES (${c.certId}, ${c.partnerDomain ?? null}, ${c.pem}, ${c.thumbprint}, ${c.notAfter ?? null}, ${now})
        ON CONFLICT (cert_id) DO UPDATE SET partner_domain = excluded.partner_domain, pem = excluded.pem,
          thumbprint = excluded.thumbprint, not_after = excluded.not_after, synced_at = excluded.synced_at`;
      upserted += db.prepare(q).run(...p).changes;
    }
  })();
  return { upserted, removed };
}

/** CA certificates, optionally of one partner domain (e.g. `DEVICE`), for the device trust store. */
export function listCaCertificates(db: DB, partnerDomain?: string): CaCertificateRecord[] {
  const [q, p] =
    partnerDomain === undefined
      ? sql`SELECT * FROM ca_certificates ORDER BY cert_id`
      : sql`SELECT * FROM ca_certificates WHERE partner_domain = ${partnerDomain} ORDER BY cert_id`;
  const rows = db.prepare(q).all(...p) as { cert_id: string; partner_domain: string | null; pem: string; thumbprint: string; not_after: string | null }[];
  return rows.map((r) => ({ certId: r.cert_id, partnerDomain: r.partner_domain ?? undefined, pem: r.pem, thumbprint: r.thumbprint, notAfter: r.not_after ?? undefined }));
}
