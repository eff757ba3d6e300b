import type { OutboxFilter } from '../../../../../../schemas/outbox';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localMidnight(date: string, addDays: number): number | undefined {
  const match = DAY.exec(date);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays).getTime();
}

/**
 * The `packets.list` range for two `<input type="date">` values: from the start of `fromDate` to
 * the end of `toDate`, in local time (the operator's day). Empty or malformed ends are open.
 */
export function dateRange(fromDate: string, toDate: string): Pick<OutboxFilter, 'from' | 'to'> {
  const from = localMidnight(fromDate, 0);
  const to = localMidnight(toDate, 1);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}
