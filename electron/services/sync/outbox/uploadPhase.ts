import { join } from 'node:path';
import type { OutboxRecord } from '../../db/repos/outbox';
import { fileSha256 } from './fileSha256';
import { NOT_YET_RECEIVED, type RunState } from './outboxRunState';
import type { OutboxSteps } from './OutboxSteps';

/** Uploads the due SYNCED (and possibly in-flight UPLOADING) packets, `maxUploads` at once. */
export async function uploadPhase(steps: OutboxSteps, rs: RunState, maxUploads: number): Promise<void> {
  const queue = steps.due(rs, ['UPLOADING', 'SYNCED']);
  const total = queue.length;
  let done = 0;
  let firstDone!: () => void;
  const first = new Promise<void>((resolve) => (firstDone = resolve));
  const worker = async (index: number): Promise<void> => {
    // Staggered start: two equal uploads started together finish together and then both wait for
    // the server's answer with the link idle; one packet apart, one is always on the wire.
    if (index > 0) await first;
    for (let item = queue.shift(); item && !rs.backingOff; item = queue.shift()) {
      try {
        await steps.step(rs, [item], () => uploadOne(steps, rs, item));
      } finally {
        firstDone();
      }
      done += 1;
      steps.progress({ phase: 'upload', done, total, rid: item.rid });
    }
    firstDone();
  };
  await Promise.all(Array.from({ length: Math.min(maxUploads, Math.max(1, total)) }, (_, i) => worker(i)));
}

/** One packet's upload: SYNCED → UPLOADING → UPLOADED, asking the server first after a possible crash. */
async function uploadOne(steps: OutboxSteps, rs: RunState, item: OutboxRecord): Promise<void> {
  // Fresh from SQLite: a retried step (after a re-login) may find the item already UPLOADING;
  // an export or a person may have moved it since the queue was read.
  let current = steps.fresh(item);
  if (current.state !== 'SYNCED' && current.state !== 'UPLOADING') return;
  if (current.state === 'UPLOADING') {
    // An earlier upload may have reached the server before a crash or a lost answer: ask first.
    const [status] = await steps.o.server.searchStatus([current.rid], rs.signal);
    if (status && !NOT_YET_RECEIVED.has(status.statusCode)) {
      markUploaded(steps, rs, current, status.statusCode);
      return;
    }
  }
  const path = join(steps.o.packetsDir, current.fileName);
  const problem = await fileProblem(current, path);
  if (problem) {
    steps.park(rs, current, problem.code, problem.details);
    return;
  }
  if (current.state === 'SYNCED') {
    const claimed = steps.patch(current, { state: 'UPLOADING' });
    if (!claimed) return; // the compare-and-set lost: someone else moved this packet first
    current = claimed;
  }
  await steps.o.server.uploadPacket(path, rs.signal);
  markUploaded(steps, rs, current, null);
}

async function fileProblem(item: OutboxRecord, path: string): Promise<{ code: 'ERR_SYNC_PACKET_CORRUPTED' | 'ERR_SYNC_PACKET_FILE_MISSING'; details: Record<string, unknown> } | undefined> {
  let actual: string;
  try {
    actual = await fileSha256(path);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { code: 'ERR_SYNC_PACKET_FILE_MISSING', details: { rid: item.rid, path } };
    throw err;
  }
  if (actual !== item.sha256.toUpperCase()) return { code: 'ERR_SYNC_PACKET_CORRUPTED', details: { rid: item.rid, expected: item.sha256, actual } };
  return undefined;
}

function markUploaded(steps: OutboxSteps, rs: RunState, item: OutboxRecord, serverStatus: string | null): void {
  const now = steps.o.clock.now();
  steps.patch(item, { state: 'UPLOADED', uploadedAt: now, attempts: 0, nextAttemptAt: null, lastErrorCode: null, lastErrorDetails: null, ...(serverStatus ? { serverStatus, serverStatusAt: now } : {}) });
  steps.o.audit.append('PACKET_UPLOADED', null, { packetId: item.packetId, rid: item.rid });
  rs.summary.uploaded.push(item.rid);
}
