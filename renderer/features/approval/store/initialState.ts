import type { Reason } from '../../../../schemas/api/syncApi';
import type { ApprovalAction, OutboxItem } from '../../../../schemas/outbox';
import type { PacketSummary } from '../../../../schemas/packetSummary';
import type { UiError } from '../../UiError';

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

export interface ApprovalState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  /** packets waiting for a decision (PENDING or ON_HOLD) in the filter's date range */
  readonly items: readonly OutboxItem[];
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
