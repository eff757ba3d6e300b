import { createHash, createHmac } from 'node:crypto';
import type { AuditEntry, AuditEvent, AuditVerifyResult } from '../../../schemas/audit';
import type { Clock } from '../../../native/time/Clock';
import type { DB } from '../db/Database';
import { auditRowsAfter, insertAuditRow, iterateAuditRows, lastAuditRow, recentAuditRows, pageAuditRows, countAuditRowsSince, type AuditRow } from '../db/repos/audit';
import type { Page, PageRequest } from '../../../schemas/paging';
import { getMeta, setMeta } from '../db/repos/meta';
import { readAuditAnchor, writeAuditAnchor } from './auditAnchor';
import { AuditChainWalk, failVerify, GENESIS_HASH } from './auditChainWalk';

const HEAD_KEY = 'audit.head';
/** the first entry chained with the key: entries before it (older data dirs) keep plain sha256 */
const KEYED_FROM_KEY = 'audit.keyedFrom';

/**
 * sha256 over the row's fields and the previous hash; any edit to any field changes it. With the
 * audit key it is an HMAC: whoever can open the database but not the keystore cannot rewrite the
 * chain and recompute it (issue 12).
 */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>, key?: Buffer): string {
  const material = JSON.stringify([row.seq, row.at, row.event, row.actor, row.details, row.prev_hash]);
  return key ? createHmac('sha256', key).update(material).digest('hex') : createHash('sha256').update(material).digest('hex');
}

/** The audit key and where the newest entry is anchored outside the database. */
export interface AuditKeying {
  readonly key: Buffer;
  readonly anchorPath: string;
}

/**
 * Append-only, hash-chained audit log. Each entry carries the hash of the previous one; the
 * newest (seq, hash) is also kept as an anchor in `meta`, so deleting the last rows is detected too.
 */
export class AuditLog {
  readonly #db: DB;
  readonly #clock: Clock;
  readonly #keying: AuditKeying | undefined;

  /** `keying`: the data dir's audit key and anchor file (openDataDir); tests on a bare database go without. */
  constructor(db: DB, clock: Clock, keying?: AuditKeying) {
    this.#db = db;
    this.#clock = clock;
    this.#keying = keying;
  }

  /** Appends in an IMMEDIATE transaction so two processes (app and CLI) never fork the chain. */
  append(event: AuditEvent, actor: string | null, details: Record<string, unknown> = {}): AuditEntry {
    const write = this.#db.transaction((): AuditRow => {
      const keyedFrom = this.#keyedFrom();
      // a writer without the key would fork a keyed chain into one nobody can verify
      if (keyedFrom !== undefined && !this.#keying) throw new Error('the audit log is keyed: open it through its data dir, with the audit key');
      const last = lastAuditRow(this.#db);
      const base = {
        seq: (last?.seq ?? 0) + 1,
        at: this.#clock.now(),
        event,
        actor,
        details: JSON.stringify(details),
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      if (this.#keying && keyedFrom === undefined) setMeta(this.#db, KEYED_FROM_KEY, String(base.seq));
      const row: AuditRow = { ...base, hash: hashAuditRow(base, this.#keying?.key) };
      insertAuditRow(this.#db, row);
      setMeta(this.#db, HEAD_KEY, JSON.stringify({ seq: row.seq, hash: row.hash }));
      return row;
    });
    const row = write.immediate();
    // after the commit: an anchor may lag the database (crash, concurrent writer), never lead it
    if (this.#keying) writeAuditAnchor(this.#keying.anchorPath, this.#keying.key, { seq: row.seq, hash: row.hash });
    return toEntry(row);
  }

  #keyedFrom(): number | undefined {
    const raw = getMeta(this.#db, KEYED_FROM_KEY);
    return raw === undefined ? undefined : Number(raw);
  }

  /** Walks the whole chain at once; reports the first edited, missing or reordered row. For the CLI and restore. */
  verify(): AuditVerifyResult {
    const walk = this.#startWalk();
    if (!(walk instanceof AuditChainWalk)) return walk;
    for (const row of iterateAuditRows(this.#db)) {
      const failed = walk.add(row);
      if (failed) return failed;
    }
    return walk.finish(readHead(this.#db));
  }

  /**
   * {@link verify} in slices of `sliceRows` rows, each read by its own query; after `yieldAfterMs`
   * of work it gives the event loop a turn (`yieldTurn`), so a long log never holds the main thread
   * that serves the window (issue 17: 100,000 rows held it for 2 s). The end is read with the last
   * slice, in the same turn, so an entry appended meanwhile is walked rather than taken for a deletion.
   */
  async verifyInSlices(o: Readonly<{ yieldTurn?: () => Promise<void>; sliceRows?: number; yieldAfterMs?: number }> = {}): Promise<AuditVerifyResult> {
    const { yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve)), sliceRows = 250, yieldAfterMs = 8 } = o;
    const walk = this.#startWalk();
    if (!(walk instanceof AuditChainWalk)) return walk;
    let turnStarted = performance.now();
    for (;;) {
      const rows = auditRowsAfter(this.#db, walk.lastSeq, sliceRows);
      for (const row of rows) {
        const failed = walk.add(row);
        if (failed) return failed;
      }
      if (rows.length < sliceRows) return walk.finish(readHead(this.#db));
      if (performance.now() - turnStarted >= yieldAfterMs) {
        await yieldTurn();
        turnStarted = performance.now();
      }
    }
  }

  /** A walk with this log's key, keyed-from and anchor, or the failure that stops it before any row. */
  #startWalk(): AuditChainWalk | AuditVerifyResult {
    const keyedFrom = this.#keyedFrom();
    if (keyedFrom !== undefined && !this.#keying) return failVerify(0, keyedFrom, `entries from ${keyedFrom} are keyed: verify the log through its data dir, with the audit key`);
    const anchor = this.#keying ? readAuditAnchor(this.#keying.anchorPath, this.#keying.key) : undefined;
    if (anchor === 'forged') return failVerify(0, 0, 'the audit anchor outside the database does not verify under the audit key');
    return new AuditChainWalk({ hash: hashAuditRow, keyedFrom, key: this.#keying?.key, anchor });
  }

  recent(limit: number): AuditEntry[] {
    return recentAuditRows(this.#db, limit).map(toEntry);
  }

  /** One page of the log, newest first (the supervisor's audit screen). @throws AppError ERR_PAGE_CURSOR_INVALID */
  page(request: PageRequest = {}): Page<AuditEntry> {
    const page = pageAuditRows(this.#db, request);
    return { ...page, items: page.items.map(toEntry) };
  }

  countSince(since: number): number {
    return countAuditRowsSince(this.#db, since);
  }
}

function readHead(db: DB): { seq: number; hash: string } | undefined {
  const raw = getMeta(db, HEAD_KEY);
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw) as { seq: unknown; hash: unknown };
    if (typeof parsed.seq === 'number' && typeof parsed.hash === 'string') return { seq: parsed.seq, hash: parsed.hash };
  } catch {
    // A malformed head is reported below as a mismatch rather than thrown.
  }
  return { seq: -1, hash: '' };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    event: row.event as AuditEvent,
    actor: row.actor,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
