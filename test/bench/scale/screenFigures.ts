import type { BenchHost } from './benchHost';
import { measure, type Figure } from './measure';
import { PAGE_SIZE_DEFAULT } from '../../../schemas/paging';

const RUNS = 5;

function startOfToday(): number {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * What each screen asks the back end for when it opens, as the renderer's stores ask it (in
 * parallel, through the browser host's WebSocket and the Router): the time until the last answer,
 * median of 5, and the host's largest stall meanwhile. `rid` and `name` are searched for.
 */
/** the page size the screens ask for */
const PAGE = PAGE_SIZE_DEFAULT;

export async function screenFigures(host: BenchHost, search: Readonly<{ rid: string; name: string }>): Promise<Figure[]> {
  const stall = () => host.stall();
  const call = (method: string, input?: unknown) => host.call(method, input);
  const figures: Figure[] = [];
  // the stall the host shows doing nothing on this machine (other jobs share its 2 cores): the noise floor of every stall below
  figures.push(await measure('noise floor: the host idle for 2 s', 1, () => new Promise((resolve) => setTimeout(resolve, 2000)), stall));
  figures.push(await measure('login (auth.login, supervisor)', RUNS, () => call('auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }), stall));
  // the calls each screen's store makes (renderer/features/*/store), pages of 50 (the cards ask for counts: 1 row and the total)
  figures.push(await measure("Home's cards (home.summary, 2 × packets.list, outbox.list, sync.status)", RUNS, () => Promise.all([
    call('home.summary'), call('packets.list', { from: startOfToday(), limit: 1 }), call('packets.list', { state: 'PENDING', limit: 1 }), call('outbox.list', { group: 'unsent', limit: 1 }), call('sync.status'),
  ]), stall));
  figures.push(await measure('approval queue, first page (packets.list withPerson)', RUNS, () => call('packets.list', { withPerson: true, limit: PAGE }), stall));
  figures.push(await measure('search by RID (packets.list search: 12 digits)', RUNS, () => call('packets.list', { search: search.rid, withPerson: true, limit: PAGE }), stall));
  figures.push(await measure('search by name (packets.list search: 2 words)', RUNS, () => call('packets.list', { search: search.name, withPerson: true, limit: PAGE }), stall));
  figures.push(await measure('sync screen (2 × outbox.list, sync.status, sync.retentionSpace)', RUNS, () => Promise.all([
    call('outbox.list', { group: 'inFlight', limit: PAGE }), call('outbox.list', { group: 'parked', limit: PAGE }), call('sync.status'), call('sync.retentionSpace'),
  ]), stall));
  figures.push(await measure('audit verify (audit.verify, whole chain, in slices)', 3, () => call('audit.verify'), stall));
  // the calls that are not lists, alone: what remains on the main thread once the lists are paged
  for (const method of ['home.summary', 'sync.status', 'sync.retentionSpace'] as const) {
    figures.push(await measure(`${method} alone`, RUNS, () => call(method), stall));
  }
  return figures;
}
