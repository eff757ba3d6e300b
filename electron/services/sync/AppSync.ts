import { AppError, isAppError } from '../../../schemas/errors';
import { MOSIP_ERROR } from '../../../schemas/mosipErrorCodes';
import type { OutboxRunSummary } from '../../../schemas/outbox';
import type { Clock } from '../../../native/time/Clock';
import type { DownSyncSummary, ServerSession } from '../../../schemas/sync';
import type { MosipSyncService } from './MosipSyncService';
import type { OutboxService } from './outbox/OutboxService';

export interface AppSyncOptions {
  /** absent: no server configured, "Sync now" only runs the outbox (which reports that) */
  readonly mosip: MosipSyncService | undefined;
  readonly outbox: OutboxService;
  /** every down-sync job in order (through the scheduler in the app, so the dashboard shows it) */
  readonly downSync: () => Promise<DownSyncSummary>;
  /** the outbox run (through the scheduler in the app, so the schedule's "last run" shows it); default: the outbox alone */
  readonly outboxNow?: (signal?: AbortSignal) => Promise<OutboxRunSummary>;
  /** the name sent to `tpm/publickey/verify`, read at each run (the supervisor may have just changed it) */
  readonly machineName: () => string | undefined;
  readonly clock: Clock;
}

/** A session with less left than this is renewed first, so a long run does not lose its token midway. */
export const RENEW_MARGIN_MS = 10 * 60_000;

/**
 * What the app's "Sync now" does, in MOSIP's order: the operator's server session (logged in in the
 * background at the local login), the machine check by machine NAME, the down-sync (KERNEL/SIGN is
 * pinned on the first one), then the outbox. The CLI's `sync` logs in through {@link logIn} too (cli/cliRouter.ts).
 * The server session is the machine's, not the operator's: it outlives a local log-out, as before.
 */
export class AppSync {
  readonly #o: AppSyncOptions;
  /** the last server login, so a run started while it is under way waits for it and reports its refusal */
  #lastLogin: Promise<ServerSession> | undefined;

  constructor(options: AppSyncOptions) {
    this.#o = options;
  }

  /** Starts the server login for an operator who just logged in locally; its failure is reported by the next run. */
  logIn(userId: string, password: string): Promise<ServerSession> | undefined {
    const mosip = this.#o.mosip;
    if (!mosip) return undefined;
    const attempt = mosip.login(userId, password);
    this.#lastLogin = attempt;
    // Kept for the next run; not a crash of the process meanwhile.
    attempt.catch(() => undefined);
    return attempt;
  }

  /**
   * Before a person's down-sync or end of day: waits for the last login (its refusal is thrown) and
   * renews a session near its end, so the steps run on a live session or report why not.
   * @throws AppError ERR_SYNC_NOT_CONFIGURED without a server; the last login's refusal
   */
  async ensureSession(): Promise<MosipSyncService> {
    const mosip = this.#o.mosip;
    if (!mosip) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address' });
    await this.#hasSession(mosip);
    return mosip;
  }

  /**
   * One sync now. A transient failure (server unreachable, busy, session to renew) before the outbox
   * does not stop it: the outbox runs and reports it per packet, as it did before these steps.
   * @throws AppError the operator's server login refused (ERR_SYNC_LOGIN_FAILED, ERR_SYNC_SIGNATURE_INVALID …),
   *   ERR_SYNC_MACHINE_NAME_UNKNOWN, ERR_SYNC_MACHINE_NOT_REGISTERED, ERR_SYNC_DOWN_SYNC_FAILED
   * `signal`: the person left the screen; the machine check and the outbox stop (the down-sync,
   * shared with the schedule, runs on)
   */
  async run(signal?: AbortSignal): Promise<OutboxRunSummary> {
    try {
      const mosip = this.#o.mosip;
      if (mosip && (await this.#hasSession(mosip))) await this.#serverSteps(mosip, signal);
      signal?.throwIfAborted();
      if (this.#o.outboxNow) return await this.#o.outboxNow(signal);
      // a person asked: the server may be back, so items waiting out an automatic backoff go now
      return await this.#o.outbox.run({ ignoreBackoff: true, ...(signal ? { signal } : {}) });
    } catch (err) {
      // whatever a cancelled step failed with (an aborted request), the run reports its cancel
      signal?.throwIfAborted();
      throw err;
    }
  }

  /** Waits for the last login; its refusal is this operator's answer, even while an older session lives. */
  async #hasSession(mosip: MosipSyncService): Promise<boolean> {
    const last = this.#lastLogin;
    if (last) {
      try {
        await last;
      } catch (err) {
        if (!isTransient(err)) throw err;
      }
    }
    const session = mosip.session;
    if (session && session.expiresAt - this.#o.clock.now() > RENEW_MARGIN_MS) return true;
    // Expired or about to: renew with the refresh token while it lives (MOSIP's refresh answer
    // repeats the access lifetime as the refresh lifetime, so a renewal must come before expiry).
    try {
      await mosip.refresh();
      return true;
    } catch (err) {
      if (isTransient(err)) return session !== undefined;
      throw err;
    }
  }

  async #serverSteps(mosip: MosipSyncService, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.#verifyMachine(mosip, signal);
    } catch (err) {
      if (isTransient(err)) return;
      throw err;
    }
    const down = await this.#o.downSync();
    const failed = down.jobs.flatMap((j) => (j.error && j.error.retry !== 'retry' && j.error.retry !== 'reauth' ? [{ job: j.job, error: j.error }] : []));
    const first = failed[0];
    if (first) throw new AppError('ERR_SYNC_DOWN_SYNC_FAILED', { jobs: failed.map((j) => j.job).join(', '), errorCode: first.error.code });
  }

  async #verifyMachine(mosip: MosipSyncService, signal: AbortSignal | undefined): Promise<void> {
    try {
      await mosip.verifyMachine(signal);
    } catch (err) {
      // KER-SNC-155 from tpm/publickey/verify: no machine of this NAME (admin-services
      // SyncMasterDataServiceImpl.validateKeyMachineMapping), which the supervisor fixes in Settings.
      if (isAppError(err) && err.is('ERR_SYNC_MACHINE_NOT_REGISTERED') && err.details.errorCode === MOSIP_ERROR.MACHINE_NOT_FOUND) {
        throw new AppError('ERR_SYNC_MACHINE_NAME_UNKNOWN', { machineName: this.#o.machineName()?.trim() ?? '', errorCode: err.details.errorCode }, { cause: err });
      }
      throw err;
    }
  }
}

/** Unreachable, busy, timed out, session to renew: the outbox retries these itself. */
function isTransient(err: unknown): boolean {
  return isAppError(err) && (err.retry === 'retry' || err.retry === 'reauth');
}
