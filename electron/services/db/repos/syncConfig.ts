import type { DB } from '../Database';
import { sql } from '../sql';

export type ConfigScope = 'global' | 'registration';

/** Replaces one scope's synced properties in a transaction (keys the server dropped disappear). */
export function replaceConfig(db: DB, scope: ConfigScope, props: Readonly<Record<string, string>>, now: number): number {
  db.transaction(() => {
    const [del, delParams] = sql`DELETE FROM sync_config WHERE scope = ${scope}`;
    db.prepare(del).run(...delParams);
    for (const [key, value] of Object.entries(props)) {
      const [q, p] = sql`INSERT INTO sync_config (scope, key, value, synced_at) VALUES (${scope}, ${key}, ${value}, ${now})`;
      db.prepare(q).run(...p);
    }
  })();
  return Object.keys(props).length;
}

export function getConfigValue(db: DB, key: string): string | undefined {
  // registration (machine-level) settings override global ones, as in the Java client's GLOBAL_PARAM load.
  const [q, p] = sql`SELECT value FROM sync_config WHERE key = ${key} ORDER BY CASE scope WHEN 'registration' THEN 0 ELSE 1 END LIMIT 1`;
  return (db.prepare(q).get(...p) as { value: string } | undefined)?.value;
}

export function listConfig(db: DB, scope: ConfigScope): Record<string, string> {
  const [q, p] = sql`SELECT key, value FROM sync_config WHERE scope = ${scope} ORDER BY key`;
  return Object.fromEntries((db.prepare(q).all(...p) as { key: string; value: string }[]).map((r) => [r.key, r.value]));
}
