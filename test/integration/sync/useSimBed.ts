import { after, afterEach, before, beforeEach } from 'node:test';
import { admin, makeClient, pinnedClient, startSimBed, type ClientBed, type SimBed } from './syncTestBed';

/** How a describe block holds the shared simulator and its client. */
export interface UseSimBedOptions {
  /** 'each': a fresh client per test, the server's faults cleared after it; 'once': one client for the whole block. */
  readonly client: 'each' | 'once';
  /** Log officer1 in and down-sync before the tests see the client (where tests upload or export). */
  readonly downSynced?: boolean;
  /** Log supervisor1 in and pin the KERNEL/SIGN certificate before the tests see the client (pinnedClient); `pinned` says how many certificates that wrote. */
  readonly pinned?: boolean;
  /** After each test, bring back a simulator a test stopped (with 'each' only). */
  readonly revive?: boolean;
}

/** The bed and client a describe block's tests read; set by its hooks, so read them inside tests only. */
export interface SimBedHandle {
  readonly bed: SimBed;
  readonly client: ClientBed;
  /** with `pinned`: the certificates the pinning of the current client wrote */
  readonly pinned: number;
}

/**
 * Registers the hooks every sync integration file wrote for itself: one simulator per describe
 * block (PKI generation is the slow part) and a client in a fresh data dir. Call it inside `describe`.
 */
export function useSimBed(options: UseSimBedOptions): SimBedHandle {
  let bed: SimBed | undefined;
  let client: ClientBed | undefined;
  let pinned = 0;
  const handle: SimBedHandle = {
    get bed() {
      if (!bed) throw new Error('useSimBed: the simulator is read before its before() hook ran');
      return bed;
    },
    get client() {
      if (!client) throw new Error('useSimBed: the client is read before its hook ran');
      return client;
    },
    get pinned() {
      return pinned;
    },
  };
  const ready = async (started: SimBed): Promise<ClientBed> => {
    if (options.pinned) {
      const fresh = await pinnedClient(started);
      pinned = fresh.pinned;
      return fresh.client;
    }
    const made = makeClient(started);
    if (options.downSynced) {
      await made.service.login('officer1', 'Officer#2026');
      await made.service.downSync();
    }
    return made;
  };
  before(async () => {
    bed = await startSimBed();
    if (options.client === 'once') client = await ready(bed);
  });
  after(async () => {
    if (options.client === 'once') client?.close();
    await bed?.close();
  });
  if (options.client === 'each') {
    beforeEach(async () => {
      client = await ready(handle.bed);
    });
    afterEach(async () => {
      client?.close();
      // revive first: the faults are cleared through the server's own admin endpoint
      if (options.revive) await handle.bed.sim.revive();
      await admin(handle.bed.sim, 'faults', {}, 'DELETE');
    });
  }
  return handle;
}
