import type { OutboxItem } from '../../../schemas/outbox';

/**
 * What an end-of-day run could not send because a person has to act first. The run summary only
 * lists what parked during this run; packets waiting for approval, on hold, or parked on an
 * earlier day are read from the outbox, so "nothing left to send" is never said while they wait.
 */
export interface EodLeft {
  /** PENDING: built, no supervisor decision yet */
  readonly waitingApproval: readonly string[];
  /** ON_HOLD: the supervisor put them on hold */
  readonly onHold: readonly string[];
  /** PARKED: a sync step failed in a way only a person can fix (code = the last error) */
  readonly parked: readonly { readonly rid: string; readonly code: string }[];
}

export function leftForAPerson(items: readonly OutboxItem[]): EodLeft {
  return {
    waitingApproval: items.filter((i) => i.state === 'PENDING').map((i) => i.rid),
    onHold: items.filter((i) => i.state === 'ON_HOLD').map((i) => i.rid),
    parked: items.filter((i) => i.state === 'PARKED').map((i) => ({ rid: i.rid, code: i.lastErrorCode ?? 'unknown' })),
  };
}

export function isNothingLeft(left: EodLeft): boolean {
  return left.waitingApproval.length === 0 && left.onHold.length === 0 && left.parked.length === 0;
}

/** Lines for the packets a person must act on; `parkedThisRun` ones are already listed with their cause. */
export function renderLeft(left: EodLeft, parkedThisRun: ReadonlySet<string>, whatToDo: Readonly<Record<string, string>>): string[] {
  const lines: string[] = [];
  if (left.waitingApproval.length) {
    lines.push(`waiting for supervisor approval, not sent: ${left.waitingApproval.length} → a supervisor runs regclient packets approve|reject RID… --user ID, then sync --eod again`);
    for (const rid of left.waitingApproval) lines.push(`  ${rid}`);
  }
  if (left.onHold.length) {
    lines.push(`on hold, not sent: ${left.onHold.length} → the supervisor approves or rejects them, then sync --eod again`);
    for (const rid of left.onHold) lines.push(`  ${rid}`);
  }
  const earlier = left.parked.filter((p) => !parkedThisRun.has(p.rid));
  if (earlier.length) {
    lines.push(`parked before this run (need a person): ${earlier.length}`);
    for (const p of earlier) lines.push(`  ${p.rid}  ${p.code}  → ${whatToDo[p.code] ?? 'tell the administrator'}; then a supervisor: regclient packets requeue RID --user ID`);
  }
  return lines;
}
