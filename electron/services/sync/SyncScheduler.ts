import { isAppError } from '../../../schemas/errors';
import { z } from 'zod';
import { JobSchedule, JobStatus, ScheduledJob } from '../../../schemas/outbox';
import type { Clock, Disposable } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { getMeta, setMeta } from '../db/repos/meta';
import { describeQuartz, nextQuartzRun, normaliseQuartz, type CronLanguage } from './quartzCron';
import type { ServerJobSchedule } from './serverJobSchedules';

const SCHEDULE_KEY = 'sync.schedule';
const RUNS_KEY = 'sync.jobRuns';

/**
 * Defaults for an often-offline site. MOSIP's own default is one cron for every job, daily at 11:00
 * (`0 0 11 * * ?`, incumbent §5.3); uploads and status polls are cheap and worth trying more often.
 */
export const DEFAULT_SCHEDULE: readonly JobSchedule[] = [
  { job: 'downSync', enabled: true, everyMinutes: 360 },
  { job: 'outbox', enabled: true, everyMinutes: 15 },
  { job: 'statusPoll', enabled: true, everyMinutes: 60 },
  { job: 'retention', enabled: true, everyMinutes: 1440 },
];

/** One job's last run as stored in meta; read back through the schema, so its code is a catalogue code. */
const JobRun = JobStatus.pick({ lastRunAt: true, lastOk: true, lastErrorCode: true });
type JobRun = z.infer<typeof JobRun>;
const JobRuns = z.partialRecord(ScheduledJob, JobRun).catch({});

export interface SyncSchedulerOptions {
  readonly db: DB;
  readonly clock: Clock;
  readonly audit: AuditLog;
  /** what each job does; a rejection with an AppError is recorded as the job's last error */
  readonly jobs: Readonly<Record<ScheduledJob, () => Promise<unknown>>>;
  readonly onDidChange?: (status: readonly JobStatus[]) => void;
  /** the server's cron schedules (synced SyncJobDef rows); read at each arm, so it works offline */
  readonly serverSchedule?: () => readonly ServerJobSchedule[];
  /** zone the cron expressions are read in (default UTC, as MOSIP's JobConfigurationServiceImpl.getNext) */
  readonly timeZone?: string;
}

const LANGUAGES: readonly CronLanguage[] = ['por', 'eng', 'fra', 'ara'];

/**
 * Runs the sync jobs (down-sync, outbox, status poll, retention) on the injected clock, each every
 * N minutes from its last run. The schedule is persisted (meta `sync.schedule`), visible through
 * `status()` with last and next run, and editable with `setSchedule()`. `start()` returns a
 * disposable that cancels every timer.
 */
export class SyncScheduler {
  readonly #o: SyncSchedulerOptions;
  readonly #timers = new Map<ScheduledJob, Disposable>();
  readonly #next = new Map<ScheduledJob, number>();
  readonly #running = new Map<ScheduledJob, Promise<void>>();
  #started = false;

  constructor(options: SyncSchedulerOptions) {
    this.#o = options;
  }

  start(): Disposable {
    this.#started = true;
    for (const s of this.schedule()) this.#arm(s);
    return { dispose: () => this.#stop() };
  }

  /**
   * Each job's schedule: the supervisor's local choice first, else the server's cron (a valid one;
   * an inactive job definition disables the job), else the default — the order of
   * registration-client JobConfigurationServiceImpl.getSyncFrequency (local preference over SYNC_FREQ).
   */
  schedule(): JobSchedule[] {
    const saved = this.#saved();
    const server = this.#o.serverSchedule?.() ?? [];
    return DEFAULT_SCHEDULE.map((d) => {
      // before per-job saving, every edit stored all four jobs: an untouched default is no local choice
      const local = saved.find((s) => s.job === d.job && !(s.cron === undefined && s.enabled === d.enabled && s.everyMinutes === d.everyMinutes));
      if (local) return { ...local, source: 'local' as const };
      const fromServer = server.find((s) => s.job === d.job && validCron(s.cron));
      return fromServer ? { ...d, enabled: fromServer.active, cron: fromServer.cron.trim(), source: 'server' as const } : { ...d, source: 'default' as const };
    });
  }

  status(): JobStatus[] {
    const runs = this.#runs();
    return this.schedule().map((s) => ({
      ...s,
      lastRunAt: runs[s.job]?.lastRunAt ?? null,
      lastOk: runs[s.job]?.lastOk ?? null,
      lastErrorCode: runs[s.job]?.lastErrorCode ?? null,
      nextRunAt: s.enabled && this.#started ? (this.#next.get(s.job) ?? null) : null,
      running: this.#running.has(s.job),
      ...(s.cron ? { cronWords: Object.fromEntries(LANGUAGES.map((l) => [l, describeQuartz(normaliseQuartz(s.cron!), l)])) } : {}),
    }));
  }

  /**
   * Changes one job's schedule (a local choice, kept over the server's), persists and audits it,
   * and re-arms its timer. Only that job is saved, so the others keep following the server.
   * @throws AppError ERR_SYNC_CRON_INVALID for a cron Quartz would refuse
   */
  setSchedule(input: JobSchedule, actor: string | null): JobStatus[] {
    const { source: _ignored, ...next } = JobSchedule.parse(input);
    if (next.cron !== undefined) normaliseQuartz(next.cron); // before anything is saved
    setMeta(this.#o.db, SCHEDULE_KEY, JSON.stringify([...this.#saved().filter((s) => s.job !== next.job), next]));
    this.#o.audit.append('SYNC_SCHEDULE_CHANGED', actor, { ...next });
    if (this.#started) this.#arm(next);
    const status = this.status();
    this.#o.onDidChange?.(status);
    return status;
  }

  /** Runs a job now (or joins its run in progress); never throws for the job's own failure. */
  runNow(job: ScheduledJob): Promise<void> {
    let run = this.#running.get(job);
    if (!run) {
      run = this.#execute(job);
      this.#running.set(job, run);
    }
    return run;
  }

  /**
   * Runs `work` as one run of `job`, now: recorded (last run, outcome), re-armed and broadcast as a
   * scheduled run is, so the schedule's "last run" shows a person's "Sync now" too. Unlike runNow,
   * the caller gets the work's own result or error.
   */
  async runWith<T>(job: ScheduledJob, work: () => Promise<T>): Promise<T> {
    let outcome: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown } | undefined;
    const tracked = async (): Promise<void> => {
      try {
        outcome = { ok: true, value: await work() };
      } catch (error) {
        outcome = { ok: false, error };
        throw error;
      }
    };
    try {
      await this.#execute(job, tracked);
    } catch {
      // not an AppError: nothing was recorded; the caller gets it below
    }
    if (!outcome || !outcome.ok) throw outcome?.error;
    return outcome.value;
  }

  /** `work` absent: the job's own scheduled work, whose run runNow tracks in #running. */
  async #execute(job: ScheduledJob, work?: () => Promise<void>): Promise<void> {
    const startedAt = this.#o.clock.now();
    let record: JobRun;
    try {
      await (work ?? this.#o.jobs[job])();
      record = { lastRunAt: startedAt, lastOk: true, lastErrorCode: null };
    } catch (err) {
      if (!isAppError(err)) throw err;
      record = { lastRunAt: startedAt, lastOk: false, lastErrorCode: err.code };
    } finally {
      // a "Sync now" beside a scheduled run of the same job leaves that one marked as running
      if (!work) this.#running.delete(job);
    }
    setMeta(this.#o.db, RUNS_KEY, JSON.stringify({ ...this.#runs(), [job]: record }));
    const schedule = this.schedule().find((s) => s.job === job)!;
    if (this.#started) this.#arm(schedule);
    this.#o.onDidChange?.(this.status());
  }

  #arm(s: JobSchedule): void {
    this.#timers.get(s.job)?.dispose();
    this.#timers.delete(s.job);
    this.#next.delete(s.job);
    if (!s.enabled) return;
    const now = this.#o.clock.now();
    const lastRunAt = this.#runs()[s.job]?.lastRunAt;
    const last = lastRunAt ?? now;
    // cron: the first fire time after the last run; one already past was missed while the machine
    // was off or offline and runs now (JobConfigurationServiceImpl.executeMissedTrigger)
    const due = s.cron ? nextQuartzRun(normaliseQuartz(s.cron), last, this.#o.timeZone) : last + s.everyMinutes * 60_000;
    if (due === null) return; // a year-limited expression that has run out
    const at = Math.max(now, due);
    this.#next.set(s.job, at);
    this.#timers.set(s.job, this.#o.clock.setTimeout(() => void this.runNow(s.job), at - now));
  }

  #saved(): JobSchedule[] {
    const raw = getMeta(this.#o.db, SCHEDULE_KEY);
    return raw === undefined ? [] : JobSchedule.array().catch([]).parse(JSON.parse(raw));
  }

  #runs(): Partial<Record<ScheduledJob, JobRun>> {
    const raw = getMeta(this.#o.db, RUNS_KEY);
    return raw === undefined ? {} : JobRuns.parse(JSON.parse(raw));
  }

  #stop(): void {
    this.#started = false;
    for (const t of this.#timers.values()) t.dispose();
    this.#timers.clear();
    this.#next.clear();
  }
}

function validCron(expression: string): boolean {
  try {
    normaliseQuartz(expression);
    return true;
  } catch {
    return false;
  }
}
