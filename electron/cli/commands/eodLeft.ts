import type { EodLeft } from '../../../schemas/endOfDay';

/** Nothing waits for a person (electron/services/sync/endOfDay.ts says what does). */
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
