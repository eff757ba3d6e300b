import type { Reason } from '../../../../schemas/api/syncApi';
import type { ApprovalAction, OutboxItem } from '../../../../schemas/outbox';
import type { PacketSummary } from '../../../../schemas/packetSummary';
import type { UiError } from '../../UiError';
import type { BulkDecisionProgress, BulkDecisionResult } from '../../../../schemas/bulkDecision';

/** What the queue shows: waiting packets by state, process and creation day (`YYYY-MM-DD`, local). */
export interface ApprovalFilter {
  readonly state: 'waiting' | 'PENDING' | 'ON_HOLD';
  /** '' for every process */
  readonly process: string;
  readonly fromDate: string;
  readonly toDate: string;
  /** a RID or words of the resident's name, as typed; the back end searches (packets.list `search`) */
  readonly search: string;
}

/** The decision being confirmed in the password dialog. The password itself never enters the store. */
export interface PendingDecision {
  readonly action: ApprovalAction;
  readonly packetIds: readonly string[];
  readonly reasonCode: string;
  /** "all matching": the filter's packets, as many as the supervisor saw counted; null: `packetIds` */
  readonly matching: { readonly expected: number } | null;
  readonly status: 'editing' | 'submitting' | 'failed';
  readonly error: UiError | null;
}

/** The one packet whose review summary is open under its row. */
export interface OpenSummary {
  readonly packetId: string;
  readonly rid: string;
  readonly status: 'loading' | 'ready' | 'failed';
  readonly summary: PacketSummary | null;
  readonly error: UiError | null;
}

/** A running or finished "all matching" decision: progress from the back end, then its result. */
export interface BulkRun {
  readonly status: 'running' | 'done';
  readonly progress: BulkDecisionProgress | null;
  readonly result: BulkDecisionResult | null;
  /** the supervisor stopped it: the chunks committed before stay decided */
  readonly stopped: boolean;
}

export interface ApprovalState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  /** the pages loaded so far of the packets waiting for a decision that match the filter */
  readonly items: readonly OutboxItem[];
  /** how many packets match the filter on every page (the back end counts them) */
  readonly total: number;
  /** the next page's cursor; null when every page is loaded */
  readonly nextCursor: string | null;
  readonly loadingMore: boolean;
  /** the supervisor selected every packet the filter matches (`total`), loaded or not */
  readonly allMatching: boolean;
  readonly bulk: BulkRun | null;
  readonly filter: ApprovalFilter;
  readonly selected: readonly string[];
  readonly reasons: readonly Reason[];
  readonly reasonsLanguage: string | null;
  readonly decision: PendingDecision | null;
  /** the packets the last decision changed, as the back end returned them */
  readonly lastResult: { readonly action: ApprovalAction; readonly items: readonly OutboxItem[] } | null;
  /** the error of the last decision, on the packet it names */
  readonly packetErrors: Readonly<Record<string, UiError>>;
  readonly error: UiError | null;
  /** the review summary open under its row, if any (one at a time) */
  readonly openSummary: OpenSummary | null;
}

export function initialApprovalState(): ApprovalState {
  return {
    status: 'idle',
    items: [],
    total: 0,
    nextCursor: null,
    loadingMore: false,
    allMatching: false,
    bulk: null,
    filter: { state: 'waiting', process: '', fromDate: '', toDate: '', search: '' },
    selected: [],
    reasons: [],
    reasonsLanguage: null,
    decision: null,
    lastResult: null,
    packetErrors: {},
    error: null,
    openSummary: null,
  };
}
