import type { AuditVerifyResult } from '../../../schemas/audit';
import type { AuditRow } from '../db/repos/audit';
import type { AuditAnchor } from './auditAnchor';

/** sha256 (or HMAC under the audit key) of one row: AuditLog's, passed in so this module stays a walk. */
export type HashAuditRow = (row: Omit<AuditRow, 'hash'>, key?: Buffer) => string;

export const GENESIS_HASH = '0'.repeat(64);

export function failVerify(entries: number, seq: number, reason: string): AuditVerifyResult {
  return { ok: false, entries, problem: { seq, reason } };
}

/**
 * The audit chain checked row by row, in order: a walk can be fed all rows at once (the CLI) or a
 * slice at a time between turns of the event loop (the app, whose main thread serves the window).
 * `add` answers the first edited, missing or reordered row; `finish` compares the end with the
 * recorded head and the anchor outside the database.
 */
export class AuditChainWalk {
  #expectedSeq = 1;
  #prevHash = GENESIS_HASH;
  #entries = 0;
  #anchoredHash: string | undefined;

  constructor(private readonly o: Readonly<{ hash: HashAuditRow; keyedFrom: number | undefined; key: Buffer | undefined; anchor: AuditAnchor | undefined }>) {}

  /** the seq of the last row walked (0 before any) */
  get lastSeq(): number {
    return this.#expectedSeq - 1;
  }

  /** Checks the next row; returns the failure, or undefined while the chain holds. */
  add(row: AuditRow): AuditVerifyResult | undefined {
    const { keyedFrom, anchor } = this.o;
    if (row.seq !== this.#expectedSeq) return failVerify(this.#entries, this.#expectedSeq, `entry ${this.#expectedSeq} is missing (next entry found is ${row.seq})`);
    if (row.prev_hash !== this.#prevHash) return failVerify(this.#entries, row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1}`);
    const key = keyedFrom !== undefined && row.seq >= keyedFrom ? this.o.key : undefined;
    if (this.o.hash(row, key) !== row.hash) return failVerify(this.#entries, row.seq, `entry ${row.seq} was modified after it was written`);
    if (anchor && row.seq === anchor.seq) this.#anchoredHash = row.hash;
    this.#prevHash = row.hash;
    this.#expectedSeq++;
    this.#entries++;
    return undefined;
  }

  /** After the last row: the recorded head (`-1` seq for a malformed one) and the anchor must match the end. */
  finish(head: { seq: number; hash: string } | undefined): AuditVerifyResult {
    const entries = this.#entries;
    const prevHash = this.#prevHash;
    const { anchor } = this.o;
    if (head && head.seq !== entries) return failVerify(entries, entries + 1, `the log ends at entry ${entries} but entry ${head.seq} was written: entries were deleted`);
    if (head && head.hash !== prevHash) return failVerify(entries, entries, `entry ${entries} does not match the recorded head of the log`);
    if (!head && entries > 0) return failVerify(entries, entries, 'the recorded head of the log is missing');
    if (anchor && anchor.seq > entries) {
      return failVerify(entries, entries + 1, `the log outside the database records entry ${anchor.seq}, the database ends at ${entries}: it was rolled back to an older copy`);
    }
    if (anchor && this.#anchoredHash !== anchor.hash) return failVerify(entries, anchor.seq, `entry ${anchor.seq} differs from the one recorded outside the database`);
    return { ok: true, entries, problem: null };
  }
}
