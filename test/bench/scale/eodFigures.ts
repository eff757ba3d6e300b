import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { openDataDir } from '../../../electron/host/openDataDir';
import { countOutboxByState } from '../../../electron/services/db/repos/outbox';
import { OutboxService, type OutboxServer } from '../../../electron/services/sync/outbox/OutboxService';
import { systemClock } from '../../../native/time/Clock';
import { SCALE_ENV } from '../../helpers/scaleDataDir';
import type { Figure } from './measure';

/**
 * A registration processor that answers at once: every RID synced, every upload taken, every
 * status RECEIVED. What an EOD run then costs is the outbox's own work per packet (reading its
 * rows, re-hashing the file, writing each state and audit entry), not the network's.
 */
function instantServer(onFirstCall: () => void): OutboxServer {
  return {
    async syncPackets(records) {
      onFirstCall();
      return { synced: records.map((r) => ({ registrationId: r.registrationId, packetId: r.packetId, status: 'SUCCESS' })), failed: [] };
    },
    uploadPacket: async () => 'uploaded',
    searchStatus: async (ids) => ids.map((registrationId) => ({ registrationId, statusCode: 'RECEIVED' })),
  };
}

/**
 * One EOD outbox run over the approved packets waiting to upload (the seed's last two days), in
 * this process against the instant server: planning (from the run's start to its first server
 * call: what it reads and decides before sending anything), and the whole run
 * divided by the packets it moved. The stall is this process's own, as the run is the app's.
 */
export async function eodFigures(dataDir: string): Promise<Figure[]> {
  const data = openDataDir({ dataDir, env: SCALE_ENV });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  try {
    let firstCallAt: number | undefined;
    const server = instantServer(() => (firstCallAt ??= performance.now()));
    const outbox = new OutboxService({ db: data.db, audit: data.audit, clock: systemClock, random: Math.random, packetsDir: join(dataDir, 'packets'), server, reauth: async () => undefined });
    const waiting = countOutboxByState(data.db, ['READY'])['READY'] ?? 0;
    delay.enable();
    const t0 = performance.now();
    const summary = await outbox.run({ ignoreBackoff: true });
    const runMs = performance.now() - t0;
    delay.disable();
    const moved = summary.uploaded.length;
    if (firstCallAt === undefined || moved !== waiting) throw new Error(`eodFigures: ${waiting} packets waited, ${moved} were uploaded (${JSON.stringify(summary.stoppedBy)})`);
    const stallMs = Math.max(0, delay.max / 1e6 - 1);
    return [
      { what: 'planning an EOD run (the outbox\'s first reads)', ms: firstCallAt - t0, stallMs },
      { what: 'EOD run per packet, server answering at once (the outbox\'s own work per packet)', ms: moved ? runMs / moved : 0, stallMs, note: `${moved} packets` },
    ];
  } finally {
    data.close();
  }
}
