import type { DB } from '../Database';
import { sql } from '../sql';
import { nextRidSequence } from '../../../../schemas/ridSequence';

/**
 * Takes the next RID sequence value for a centre/machine, wrapping 99999 → 1. Runs in an
 * IMMEDIATE transaction so the app and the CLI never hand out the same value.
 */
export function takeRidSequence(db: DB, centreId: string, machineId: string, now: number): number {
  return db
    .transaction((): number => {
      const [q, p] = sql`SELECT current FROM rid_sequence WHERE centre_id = ${centreId} AND machine_id = ${machineId}`;
      const row = db.prepare(q).get(...p) as { current: number } | undefined;
      const next = nextRidSequence(row?.current);
      const [u, up] = sql`INSERT INTO rid_sequence (centre_id, machine_id, current, updated_at) VALUES (${centreId}, ${machineId}, ${next}, ${now})
        ON CONFLICT (centre_id, machine_id) DO UPDATE SET current = excluded.current, updated_at = excluded.updated_at`;
      db.prepare(u).run(...up);
      return next;
    })
    .immediate();
}
