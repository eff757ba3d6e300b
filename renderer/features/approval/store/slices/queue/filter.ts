import type { PacketListInput } from '../../../../../../schemas/api/syncApi';
import type { ApprovalFilter } from '../../initialState';
import { dateRange } from './dateRange';

/** The queue's filter as the back end reads it: state, process, dates and search all narrow there. */
export function serverFilter(filter: ApprovalFilter): Omit<PacketListInput, 'cursor' | 'limit' | 'withPerson' | 'states'> & { states: ('PENDING' | 'ON_HOLD')[] } {
  const typed = filter.search.trim();
  return {
    states: filter.state === 'waiting' ? ['PENDING', 'ON_HOLD'] : [filter.state],
    ...(filter.process ? { process: filter.process } : {}),
    ...dateRange(filter.fromDate, filter.toDate),
    ...(typed ? { search: typed } : {}),
  };
}
