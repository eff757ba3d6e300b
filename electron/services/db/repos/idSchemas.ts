import type { DB } from '../Database';
import { sql } from '../sql';

export interface StoredIdSchema {
  readonly idVersion: number;
  /** the ID schema JSON text, as the server sent it */
  readonly schemaJson: string;
  /** the whole latestidschema response (UI specs and settings ride along) */
  readonly responseJson: string;
  readonly effectiveFrom: string | undefined;
}

export function putIdSchema(db: DB, schema: StoredIdSchema, now: number): void {
  const [q, p] = sql`INSERT INTO id_schemas (id_version, schema_json, response_json, effective_from, synced_at)
    VALUES (${schema.idVersion}, ${schema.schemaJson}, ${schema.responseJson}, ${schema.effectiveFrom ?? null}, ${now})
    ON CONFLICT (id_version) DO UPDATE SET schema_json = excluded.schema_json, response_json = excluded.response_json,
      effective_from = excluded.effective_from, synced_at = excluded.synced_at`;
  db.prepare(q).run(...p);
}

/** The highest schema version synced, which new registrations use. */
export function latestIdSchema(db: DB): StoredIdSchema | undefined {
  const row = db.prepare('SELECT * FROM id_schemas ORDER BY id_version DESC LIMIT 1').get() as
    | { id_version: number; schema_json: string; response_json: string; effective_from: string | null }
    | undefined;
  return row ? { idVersion: row.id_version, schemaJson: row.schema_json, responseJson: row.response_json, effectiveFrom: row.effective_from ?? undefined } : undefined;
}
