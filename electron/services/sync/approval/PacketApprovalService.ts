import { AppError } from '../../../../schemas/errors';
import type { Reason } from '../../../../schemas/api/syncApi';
import type { ApprovalAction, OutboxItem, SupervisorStatus } from '../../../../schemas/outbox';
import { PacketSummary } from '../../../../schemas/packetSummary';
import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { listMasterData } from '../../db/repos/masterData';
import { findOutbox, patchOutbox, publicItem, type OutboxRecord } from '../../db/repos/outbox';
import { getPacketSummaryJson } from '../../db/repos/packetSummaries';
import { countOutbox } from '../../db/repos/outboxPage';
import type { BulkDecisionInput, BulkDecisionResult } from '../../../../schemas/bulkDecision';
import { matchingBound, walkChunks, type BulkOptions } from './walkChunks';

/** Who acts: an operator whose password was just verified (CLI) or whose session is live (app). */
export interface Approver {
  readonly userId: string;
  readonly roles: readonly string[];
}

export interface ApprovalRequest {
  readonly ids: readonly string[];
  /** a ReasonList code; required to reject, optional (but checked) to approve or hold */
  readonly reasonCode?: string;
}

/** What every packet of one decision shares. */
interface DecisionStep {
  readonly actor: Approver;
  readonly action: ApprovalAction;
  readonly reason: Reason | undefined;
  readonly now: number;
}

const AUDIT = { approve: 'PACKET_APPROVED', reject: 'PACKET_REJECTED', hold: 'PACKET_ON_HOLD' } as const;
const STATUS: Record<ApprovalAction, SupervisorStatus> = { approve: 'APPROVED', reject: 'REJECTED', hold: 'ON_HOLD' };

/**
 * Supervisor approval at end of day (incumbent §4.1): approve, reject or hold packets, singly or
 * in bulk, with a reason code from the synced `ReasonList`. The same rules for the app and the
 * CLI: the acting operator must hold REGISTRATION_SUPERVISOR; only PENDING or ON_HOLD packets can
 * be decided; a bulk request is checked whole, then written in one transaction, each packet audited.
 */
export class PacketApprovalService {
  readonly #db: DB;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #onDidChange: (item: OutboxItem) => void;

  /** `onDidChange`: each decided packet, after the decision is committed (the host broadcasts `outbox.onDidChange`). */
  constructor(deps: Readonly<{ db: DB; audit: AuditLog; clock: Clock; onDidChange?: (item: OutboxItem) => void }>) {
    this.#db = deps.db;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#onDidChange = deps.onDidChange ?? (() => undefined);
  }

  /** Active reasons synced from the server, in `langCode` when given (else every language). */
  reasons(langCode?: string): Reason[] {
    return listMasterData(this.#db, 'ReasonList', langCode)
      .filter((r) => r.isActive)
      .map((r) => ({ code: String(r.data['code'] ?? ''), name: String(r.data['name'] ?? ''), category: String(r.data['rsnCatCode'] ?? ''), langCode: r.langCode }));
  }

  /**
   * The review summary stored with the packet at submit (MOSIP shows the supervisor the stored
   * acknowledgement: the packet itself is encrypted to the server). Roles are the caller's to
   * check (the Router: supervisors only).
   * @throws AppError ERR_SYNC_PACKET_NOT_FOUND (no such packet on this machine),
   *   ERR_SYNC_PACKET_SUMMARY_MISSING (built by the CLI or before summaries, deleted under retention, or unreadable)
   */
  summary(rid: string): PacketSummary {
    const json = getPacketSummaryJson(this.#db, rid);
    if (json === undefined) {
      if (!findOutbox(this.#db, rid)) throw new AppError('ERR_SYNC_PACKET_NOT_FOUND', { id: rid });
      throw new AppError('ERR_SYNC_PACKET_SUMMARY_MISSING', { rid });
    }
    const parsed = PacketSummary.safeParse(JSON.parse(json));
    // written by a later version of this client: as good as missing for this one
    if (!parsed.success) throw new AppError('ERR_SYNC_PACKET_SUMMARY_MISSING', { rid }, { cause: parsed.error });
    return parsed.data;
  }

  /**
   * Decides every packet in `request.ids` (RIDs or packet ids), or none of them.
   * @throws AppError ERR_SYNC_NOT_SUPERVISOR, ERR_SYNC_REASON_REQUIRED, ERR_SYNC_REASON_UNKNOWN,
   *   ERR_SYNC_PACKET_NOT_FOUND, ERR_SYNC_PACKET_ALREADY_DECIDED
   */
  decide(actor: Approver, action: ApprovalAction, request: ApprovalRequest): OutboxItem[] {
    this.#requireSupervisor(actor, action);
    const reason = this.#reason(action, request.reasonCode);
    const items = [...new Set(request.ids)].map((id) => this.#decidable(id));
    const now = this.#clock.now();
    const decided = this.#db.transaction(() =>
      items.map((item) => {
        const next = this.#write({ actor, action, reason, now }, item);
        if (!next) throw new AppError('ERR_SYNC_PACKET_ALREADY_DECIDED', { rid: item.rid, state: item.state });
        return next;
      }),
    ).immediate();
    // after the commit: a screen that refreshes on the event must read the decided state
    for (const item of decided) this.#onDidChange(item);
    return decided;
  }

  /**
   * Decides every packet the queue's filter matches, without loading them: chunks of
   * `chunkSize` in their own transactions, each packet audited as in {@link decide}, progress
   * after each commit, stopping between chunks when `signal` fires. A packet decided by someone
   * else since the count is skipped and reported, never decided again.
   * @throws AppError ERR_SYNC_NOT_SUPERVISOR, ERR_SYNC_REASON_REQUIRED, ERR_SYNC_REASON_UNKNOWN,
   *   ERR_SYNC_MATCHING_CHANGED (the filter no longer matches `expected` packets: nothing decided)
   */
  async decideMatching(actor: Approver, request: Omit<BulkDecisionInput, 'password'>, options: BulkOptions = {}): Promise<BulkDecisionResult> {
    const { action } = request;
    this.#requireSupervisor(actor, action);
    const step = { actor, action, reason: this.#reason(action, request.reasonCode), now: this.#clock.now() };
    const bound = matchingBound(request.filter, step.now);
    const found = countOutbox(this.#db, bound.waiting);
    if (found !== request.expected) throw new AppError('ERR_SYNC_MATCHING_CHANGED', { expected: request.expected, found });
    return walkChunks({ db: this.#db, where: bound.any, chunkSize: options.chunkSize ?? 200, total: found, action, ...options }, (item) => {
      if (bound.waiting.states?.includes(item.state)) return this.#write(step, item) ?? { rid: item.rid, state: item.state };
      // left the filter during this run (decidedAt is set by every decision): someone else decided it
      return item.decidedAt !== null && item.decidedAt >= step.now ? { rid: item.rid, state: item.state } : undefined;
    }, this.#onDidChange);
  }

  #requireSupervisor(actor: Approver, action: ApprovalAction): void {
    if (actor.roles.includes('REGISTRATION_SUPERVISOR')) return;
    this.#audit.append('ROLE_DENIED', actor.userId, { action: `packets.${action}`, required: 'REGISTRATION_SUPERVISOR' });
    throw new AppError('ERR_SYNC_NOT_SUPERVISOR', { userId: actor.userId });
  }

  /** One packet's decision, audited; undefined when its state changed since it was read (compare-and-set). */
  #write(step: DecisionStep, item: OutboxRecord): OutboxItem | undefined {
    const { actor, action, reason, now } = step;
    const next = patchOutbox(
      this.#db,
      item.packetId,
      item.state,
      {
        state: action === 'hold' ? 'ON_HOLD' : 'READY',
        supervisorStatus: STATUS[action],
        reasonCode: reason?.code ?? null,
        // MOSIP carries the rejection reason text as supervisorComment in the RID sync.
        supervisorComment: reason?.name ?? null,
        decidedBy: actor.userId,
        decidedAt: now,
        attempts: 0,
        nextAttemptAt: now,
      },
      now,
    );
    if (!next) return undefined;
    this.#audit.append(AUDIT[action], actor.userId, { packetId: item.packetId, rid: item.rid, reasonCode: reason?.code ?? null });
    return publicItem(next);
  }

  #reason(action: ApprovalAction, code: string | undefined): Reason | undefined {
    if (code === undefined || code === '') {
      if (action === 'reject') throw new AppError('ERR_SYNC_REASON_REQUIRED', { action });
      return undefined;
    }
    const reasons = this.reasons();
    const found = reasons.find((r) => r.code === code);
    if (!found) throw new AppError('ERR_SYNC_REASON_UNKNOWN', { code, known: [...new Set(reasons.map((r) => r.code))].join(', ') });
    return found;
  }

  #decidable(id: string): OutboxRecord {
    const item = findOutbox(this.#db, id);
    if (!item) throw new AppError('ERR_SYNC_PACKET_NOT_FOUND', { id });
    if (item.state !== 'PENDING' && item.state !== 'ON_HOLD') throw new AppError('ERR_SYNC_PACKET_ALREADY_DECIDED', { rid: item.rid, state: item.state });
    return item;
  }
}
