import type { DB } from '../Database';
import { sql } from '../sql';

/** One master-data row as stored: the entity's natural key, language and the row JSON. */
export interface MasterDataRecord {
  readonly rowKey: string;
  readonly langCode: string;
  readonly isActive: boolean;
  readonly data: Readonly<Record<string, unknown>>;
}

interface MasterDataRow {
  row_key: string;
  lang_code: string;
  is_active: 0 | 1;
  data: string;
}

export interface MasterDataChange {
  readonly upserted: number;
  readonly removed: number;
}

/**
 * Applies one entity's synced rows in a single transaction: upserts each, and removes rows the
 * server marks deleted (`isDeleted: true`), so a delta sync can only move the table forward.
 */
export function applyMasterDataRows(db: DB, entity: string, rows: readonly (MasterDataRecord & { deleted: boolean })[], now: number): MasterDataChange {
  let upserted = 0;
  let removed = 0;
  db.transaction(() => {
    for (const r of rows) {
      if (r.deleted) {
        const [q, p] = sql`DELETE FROM sync_master_data WHERE entity = ${entity} AND row_key = ${r.rowKey} AND lang_code = ${r.langCode}`;
        removed += db.prepare(q).run(...p).changes;
        continue;
      }
      const [q, p] = sql`INSERT INTO sync_master_data (entity, row_key, lang_code, is_active, data, synced_at)
        VALUES (${entity}, ${r.rowKey}, ${r.langCode}, ${r.isActive ? 1 : 0}, ${JSON.stringify(r.data)}, ${now})
        ON CONFLICT (entity, row_key, lang_code) DO UPDATE SET is_active = excluded.is_active, data = excluded.data, synced_at = excluded.synced_at`;
      upserted += db.prepare(q).run(...p).changes;
    }
  })();
  return { upserted, removed };
}

/** Rows of one entity, optionally in one language, in key order. */
export function listMasterData(db: DB, entity: string, langCode?: string): MasterDataRecord[] {
  const [q, p] =
    langCode === undefined
      ? sql`SELECT row_key, lang_code, is_active, data FROM sync_master_data WHERE entity = ${entity} ORDER BY row_key, lang_code`
      : sql`SELECT row_key, lang_code, is_active, data FROM sync_master_data WHERE entity = ${entity} AND lang_code = ${langCode} ORDER BY row_key`;
  return (db.prepare(q).all(...p) as MasterDataRow[]).map((r) => ({
    rowKey: r.row_key,
    langCode: r.lang_code,
    isActive: r.is_active === 1,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}

/** Row count per entity, for status screens and tests. */
export function countMasterData(db: DB): Record<string, number> {
  const rows = db.prepare('SELECT entity, count(*) AS n FROM sync_master_data GROUP BY entity').all() as { entity: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.entity, r.n]));
}
