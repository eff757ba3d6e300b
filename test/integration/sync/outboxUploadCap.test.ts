import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { SimRequest } from '../../sims/mosip/simHttp';
import { admin, makeClient, startSimBed, type ClientBed, type SimBed } from './syncTestBed';
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
  let bed: SimBed;
  let client: ClientBed;
  before(async () => {
    bed = await startSimBed();
  });
  after(async () => {
    await bed.close();
  });
  beforeEach(async () => {
    client = makeClient(bed);
    await client.service.login('officer1', 'Officer#2026');
    await client.service.downSync();
  });
  afterEach(async () => {
    bed.sim.beforeRoute = undefined;
    await admin(bed.sim, 'faults', {}, 'DELETE');
    client.close();
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
    bed.sim.beforeRoute = (req: SimRequest) => {
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
      const rids = await seedPackets({ db: client.db, dataDir: client.dataDir, sim: bed.sim, machineKey: bed.machineKey, now: bed.clock.now(), count: PACKETS, firstSequence: first });
      approveAll(client.db, bed.clock, rids);
      await admin(bed.sim, 'faults', { endpoint: RECEIVER, kind: 'throttle', bytesPerSecond: 1000 });
      bed.sim.inFlight.delete(RECEIVER);
      holdUploads(cap);
      const summary = await makeOutbox(client, bed.sim, bed.clock, cap === 1 ? { maxConcurrentUploads: 1 } : {}).run({ statuses: false });
      assert.deepEqual([summary.uploaded.length, summary.parked, summary.stoppedBy], [PACKETS, [], null]);
      assert.equal(bed.sim.inFlight.get(RECEIVER)?.max, cap);
      assert.equal(bed.sim.inFlight.get(RECEIVER)?.now, 0);
    });
  }
});
