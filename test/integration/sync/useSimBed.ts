import { after, afterEach, before, beforeEach } from 'node:test';
import { admin, makeClient, startSimBed, type ClientBed, type SimBed } from './syncTestBed';

/** How a describe block holds the shared simulator and its client. */
export interface UseSimBedOptions {
  /** 'each': a fresh client per test, the server's faults cleared after it; 'once': one client for the whole block. */
  readonly client: 'each' | 'once';
  /** Log officer1 in and down-sync before the tests see the client (with 'once' only, where tests upload or export). */
  readonly downSynced?: boolean;
  /** After each test, bring back a simulator a test stopped (with 'each' only). */
  readonly revive?: boolean;
}

/** The bed and client a describe block's tests read; set by its hooks, so read them inside tests only. */
export interface SimBedHandle {
  readonly bed: SimBed;
  readonly client: ClientBed;
}

/**
 * Registers the hooks every sync integration file wrote for itself: one simulator per describe
 * block (PKI generation is the slow part) and a client in a fresh data dir. Call it inside `describe`.
 */
export function useSimBed(options: UseSimBedOptions): SimBedHandle {
  let bed: SimBed | undefined;
  let client: ClientBed | undefined;
  const handle: SimBedHandle = {
    get bed() {
      if (!bed) throw new Error('useSimBed: the simulator is read before its before() hook ran');
      return bed;
    },
    get client() {
      if (!client) throw new Error('useSimBed: the client is read before its hook ran');
      return client;
    },
  };
  before(async () => {
    bed = await startSimBed();
    if (options.client === 'once') {
      client = makeClient(bed);
      if (options.downSynced) {
        await client.service.login('officer1', 'Officer#2026');
        await client.service.downSync();
      }
    }
  });
  after(async () => {
    if (options.client === 'once') client?.close();
    await bed?.close();
  });
  if (options.client === 'each') {
    beforeEach(() => {
      client = makeClient(handle.bed);
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
