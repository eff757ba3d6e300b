import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { SimRequest } from '../../sims/mosip/simHttp';
import { admin } from './syncTestBed';
import { useSimBed } from './useSimBed';
import { approveAll, makeOutbox, seedPackets } from './outboxBed';

const RECEIVER = '/registrationprocessor/v1/packetreceiver/registrationpackets';
const PACKETS = 5;

/**
 * Concurrent uploads counted at the simulator over real HTTP: from a request's arrival to the
 * end of its answer. The simulator holds each upload until `cap` are in flight (or every packet
 * left is), so an outbox that respects the cap always reaches it; answers are throttled so an
 * outbox that sends more than `cap` at once is seen with them still open.
 */
describe('outbox upload concurrency at the server', () => {
  const s = useSimBed({ client: 'each', downSynced: true });
  afterEach(() => {
    s.bed.sim.beforeRoute = undefined;
  });

  /** Holds uploads: the first alone (the outbox starts its second worker behind it), then until `cap` wait. */
  function holdUploads(cap: number): void {
    const held: (() => void)[] = [];
    let arrived = 0;
    let released = 0;
    const pump = () => {
      while (held.length > 0 && (released === 0 || arrived - released >= cap || arrived >= PACKETS)) {
        held.shift()!();
        released += 1;
      }
    };
    s.bed.sim.beforeRoute = (req: SimRequest) => {
      if (req.path !== RECEIVER) return Promise.resolve();
      arrived += 1;
      const wait = new Promise<void>((resolve) => held.push(resolve));
      pump();
      return wait;
    };
  }

  for (const cap of [2, 1] as const) {
    it(`keeps at most ${cap} upload(s) in flight and reaches ${cap} when there is work`, async () => {
      const first = cap === 2 ? 1 : 101;
      const rids = await seedPackets({ db: s.client.db, dataDir: s.client.dataDir, sim: s.bed.sim, machineKey: s.bed.machineKey, now: s.bed.clock.now(), count: PACKETS, firstSequence: first });
      approveAll(s.client.db, s.bed.clock, rids);
      await admin(s.bed.sim, 'faults', { endpoint: RECEIVER, kind: 'throttle', bytesPerSecond: 1000 });
      s.bed.sim.inFlight.delete(RECEIVER);
      holdUploads(cap);
      const summary = await makeOutbox(s.client, s.bed.sim, s.bed.clock, cap === 1 ? { maxConcurrentUploads: 1 } : {}).run({ statuses: false });
      assert.deepEqual([summary.uploaded.length, summary.parked, summary.stoppedBy], [PACKETS, [], null]);
      assert.equal(s.bed.sim.inFlight.get(RECEIVER)?.max, cap);
      assert.equal(s.bed.sim.inFlight.get(RECEIVER)?.now, 0);
    });
  }
});
