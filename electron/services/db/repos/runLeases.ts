import type { DB } from '../Database';
import { sql } from '../sql';

/** A `run_leases` row: who holds a named lease, from which process, until when (epoch ms). */
export interface RunLeaseRow {
  readonly name: string;
  readonly holder: string;
  readonly pid: number;
  readonly expiresAt: number;
}

interface LeaseDbRow {
  readonly name: string;
  readonly holder: string;
  readonly pid: number;
  readonly expires_at: number;
}

/**
 * Takes or renews lease `want.name` for `want.holder` when it is free, already its own, expired,
 * or held by a process `isAlive` says is gone. Read and write happen in one IMMEDIATE transaction,
 * so two connections to the file never both take it.
 * @returns undefined when the lease is now `want.holder`'s, else the row of the runner holding it
 */
export function takeRunLease(
  db: DB,
  want: Readonly<{ name: string; holder: string; pid: number; now: number; ttlMs: number }>,
  isAlive: (pid: number) => boolean,
): RunLeaseRow | undefined {
  return db.transaction((): RunLeaseRow | undefined => {
    const [q, p] = sql`SELECT name, holder, pid, expires_at FROM run_leases WHERE name = ${want.name}`;
    const row = db.prepare(q).get(...p) as LeaseDbRow | undefined;
    if (row && row.holder !== want.holder && row.expires_at > want.now && isAlive(row.pid)) {
      return { name: row.name, holder: row.holder, pid: row.pid, expiresAt: row.expires_at };
    }
    const [u, up] = sql`INSERT INTO run_leases (name, holder, pid, expires_at) VALUES (${want.name}, ${want.holder}, ${want.pid}, ${want.now + want.ttlMs})
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, expires_at = excluded.expires_at`;
    db.prepare(u).run(...up);
    return undefined;
  }).immediate();
}

/** Gives lease `name` back, only if `holder` still holds it. */
export function releaseRunLease(db: DB, name: string, holder: string): void {
  const [q, p] = sql`DELETE FROM run_leases WHERE name = ${name} AND holder = ${holder}`;
  db.prepare(q).run(...p);
}
