import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../../native/time/Clock';
import type { DB } from '../../db/Database';
import { releaseRunLease, takeRunLease, type RunLeaseRow } from '../../db/repos/runLeases';

/** Long enough for one upload step on a slow link; renewed at every step of a run. */
const DEFAULT_TTL_MS = 15 * 60_000;

/** Whether process `pid` still runs on this machine (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/**
 * One runner's hold on a named lease in the database, shared by every process that opens it. A
 * runner killed mid-run (SIGKILL, power loss) does not block the next one: its process is gone,
 * so its lease is taken over at once; a lease left by a reused pid ends at its expiry.
 */
export class RunLease {
  readonly #holder = randomUUID();
  #held = false;

  constructor(private readonly o: Readonly<{ db: DB; clock: Clock; name: string; ttlMs?: number; isAlive?: (pid: number) => boolean }>) {}

  /** Takes (or renews) the lease. @returns undefined when it is ours, else the holder's row */
  take(): RunLeaseRow | undefined {
    const other = takeRunLease(this.o.db, { name: this.o.name, holder: this.#holder, pid: process.pid, now: this.o.clock.now(), ttlMs: this.o.ttlMs ?? DEFAULT_TTL_MS }, this.o.isAlive ?? processAlive);
    this.#held = other === undefined;
    return other;
  }

  /** Renews a held lease; @returns the row of a runner that took it over meanwhile, if any */
  renew(): RunLeaseRow | undefined {
    return this.#held ? this.take() : undefined;
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    releaseRunLease(this.o.db, this.o.name, this.#holder);
  }
}
