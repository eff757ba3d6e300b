import type { DB } from '../Database';
import { sql } from '../sql';

/** Small key/value facts about this installation (centre, machine, anchors, sync times). */
export function getMeta(db: DB, key: string): string | undefined {
  const [query, params] = sql`SELECT value FROM meta WHERE key = ${key}`;
  const row = db.prepare(query).get(...params) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: DB, key: string, value: string): void {
  const [query, params] = sql`INSERT INTO meta (key, value) VALUES (${key}, ${value})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  db.prepare(query).run(...params);
}
