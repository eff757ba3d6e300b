import { z } from 'zod';
import { OfflineLimitStatus, OutboxRunSummary } from './outbox';
import { DownSyncSummary } from './sync';

/** The longest an end of day may wait out retries: a working day (a longer wait is a forgotten terminal, not a plan). */
export const EOD_MAX_WAIT_SECONDS = 86_400;
/** The first retry delay's largest scale: the backoff's own cap (electron/services/sync/backoff.ts, 15 min). */
export const EOD_RETRY_BASE_MS_MAX = 15 * 60_000;

/** `sync.endOfDay`: a down-sync, then every decided packet sent, retries waited out up to `maxWaitSeconds`. */
export const EndOfDayInput = z
  .object({
    /** ignore the last sync time and download everything */
    full: z.boolean().default(false),
    maxWaitSeconds: z.number().int().min(0).max(EOD_MAX_WAIT_SECONDS).default(120),
    /** the first retry delay's scale for this run (doubles per attempt, jittered); default the outbox's own */
    retryBaseMs: z.number().int().min(1).max(EOD_RETRY_BASE_MS_MAX).optional(),
  })
  .strict();
export type EndOfDayInput = z.infer<typeof EndOfDayInput>;

/**
 * What an end-of-day run could not send because a person has to act first. The run summary only
 * lists what parked during this run; packets waiting for approval, on hold, or parked on an
 * earlier day are read from the outbox, so "nothing left to send" is never said while they wait.
 */
export const EodLeft = z.object({
  /** PENDING: built, no supervisor decision yet */
  waitingApproval: z.array(z.string()),
  /** ON_HOLD: the supervisor put them on hold */
  onHold: z.array(z.string()),
  /** PARKED: a sync step failed in a way only a person can fix (code = the last error, `unknown` when none was kept) */
  parked: z.array(z.object({ rid: z.string(), code: z.string() })),
});
export type EodLeft = z.infer<typeof EodLeft>;

/** What `regclient sync --eod --json` prints: the down-sync, the packets sent, what is left for a person, the limits not ok. */
export const EndOfDaySummary = z.object({
  downSync: DownSyncSummary,
  outbox: OutboxRunSummary,
  left: EodLeft,
  limits: z.array(OfflineLimitStatus),
});
export type EndOfDaySummary = z.infer<typeof EndOfDaySummary>;
