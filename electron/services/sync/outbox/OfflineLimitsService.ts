import { statfsSync } from 'node:fs';
import { AppError } from '../../../../schemas/errors';
import type { OfflineLimitName, OfflineLimitStatus, OutboxState } from '../../../../schemas/outbox';
import type { Clock } from '../../../../native/time/Clock';
import type { DB } from '../../db/Database';
import { countOutboxByState, lastDepartureAt, oldestCreatedAt } from '../../db/repos/outbox';
import { getConfigValue } from '../../db/repos/syncConfig';

const DAY = 86_400_000;
/** packets still on this machine, not yet with the server: the states the limits count */
const UNSENT = ['PENDING', 'ON_HOLD', 'READY', 'SYNCED', 'UPLOADING', 'PARKED'] as const satisfies readonly OutboxState[];
const MB = 1024 * 1024;

/** The incumbent's keys and defaults (incumbent-java-client.md §4.2, §5.5); the synced config overrides them. */
export const LIMIT_KEYS = {
  pendingApprovals: ['mosip.registration.reg_pak_max_cnt_apprv_limit', 100],
  approvalAgeDays: ['mosip.registration.reg_pak_max_time_apprv_limit', 50],
  unsyncedPackets: ['mosip.registration.packet.maximum.count.offline.frequency', 70],
  daysSinceLastSync: ['mosip.registration.last_export_registration_config_time', 100],
  freeDiskMb: ['mosip.registration.disk_space_size', 5],
} as const satisfies Record<OfflineLimitName, readonly [string, number]>;

const CODES = {
  pendingApprovals: 'ERR_SYNC_LIMIT_PENDING_APPROVALS',
  approvalAgeDays: 'ERR_SYNC_LIMIT_APPROVAL_AGE',
  unsyncedPackets: 'ERR_SYNC_LIMIT_UNSYNCED',
  daysSinceLastSync: 'ERR_SYNC_LIMIT_DAYS_SINCE_SYNC',
  freeDiskMb: 'ERR_SYNC_LIMIT_DISK_SPACE',
} as const satisfies Record<OfflineLimitName, string>;

export interface OfflineLimitsOptions {
  readonly db: DB;
  readonly clock: Clock;
  /** the data dir whose disk is measured */
  readonly dataDir: string;
  /** free bytes on that disk (tests inject it) */
  readonly freeBytes?: (dir: string) => number;
  /**
   * The supervisor's floor for free disk space, MB (settings `minFreeDiskMb`): the synced
   * `disk_space_size` may raise the threshold above it, never lower it.
   */
  readonly minFreeDiskMb?: () => number;
  /** "near" from this fraction of a limit (default 0.8) */
  readonly nearFraction?: number;
}

/**
 * The offline limits that freeze new registrations in the incumbent client, never enforced
 * silently: `check()` answers every limit with its numbers (ok / near / hit) and the ERR_SYNC_LIMIT_*
 * code whose translation tells the operator what to do; `assertCanRegister()` throws the first hit.
 */
export class OfflineLimitsService {
  readonly #o: OfflineLimitsOptions;

  constructor(options: OfflineLimitsOptions) {
    const near = options.nearFraction ?? 0.8;
    if (!(near > 0 && near <= 1)) throw new TypeError(`OfflineLimitsService: nearFraction must be in (0, 1], got ${near}`);
    this.#o = options;
  }

  check(): OfflineLimitStatus[] {
    const { db, clock } = this.#o;
    const now = clock.now();
    const counts = countOutboxByState(db, UNSENT);
    const n = (...states: (keyof typeof counts)[]) => states.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
    const oldestPending = oldestCreatedAt(db, ['PENDING', 'ON_HOLD']);
    // Never sent anything: count from the oldest packet still waiting to leave.
    const since = lastDepartureAt(db) ?? oldestCreatedAt(db, UNSENT);
    const free = (this.#o.freeBytes ?? diskFree)(this.#o.dataDir);
    return [
      this.#max('pendingApprovals', n('PENDING', 'ON_HOLD'), (v, t) => ({ count: v, max: t })),
      this.#max('approvalAgeDays', oldestPending === undefined ? 0 : Math.floor((now - oldestPending) / DAY), (v, t) => ({ days: v, max: t })),
      this.#max('unsyncedPackets', n(...UNSENT), (v, t) => ({ count: v, max: t })),
      this.#max('daysSinceLastSync', since === undefined ? 0 : Math.floor((now - since) / DAY), (v, t) => ({ days: v, max: t })),
      this.#min('freeDiskMb', Math.floor((free / MB) * 10) / 10),
    ];
  }

  /**
   * Throws the first limit that is hit, before a new registration starts.
   * @throws AppError ERR_SYNC_LIMIT_*
   */
  assertCanRegister(): void {
    const hit = this.check().find((l) => l.state === 'hit');
    if (hit) throw new AppError(hit.code as (typeof CODES)[OfflineLimitName], hit.details as never);
  }

  #threshold(name: OfflineLimitName): number {
    const [key, fallback] = LIMIT_KEYS[name];
    const value = Number(getConfigValue(this.#o.db, key));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  }

  #max(name: OfflineLimitName, value: number, details: (v: number, t: number) => Record<string, number>): OfflineLimitStatus {
    const t = this.#threshold(name);
    const state = value >= t ? 'hit' : value >= t * (this.#o.nearFraction ?? 0.8) ? 'near' : 'ok';
    return { limit: name, value, threshold: t, state, code: CODES[name], details: details(value, t) };
  }

  #min(name: OfflineLimitName, value: number): OfflineLimitStatus {
    const t = Math.max(this.#threshold(name), this.#o.minFreeDiskMb?.() ?? 0);
    // "near" for a minimum: less than twice the floor left.
    const state = value < t ? 'hit' : value < t * 2 ? 'near' : 'ok';
    return { limit: name, value, threshold: t, state, code: CODES[name], details: { freeMb: value, minMb: t } };
  }
}

function diskFree(dir: string): number {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize;
}
