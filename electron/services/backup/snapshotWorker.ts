import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openSnapshot, snapshotDatabase } from './backupSnapshot';
import type { SnapshotReply, SnapshotRequest } from './snapshotInWorker';

// Worker entry (STYLE rule 26): one snapshot, reply, exit. The logic is backupSnapshot's.
if (isMainThread || !parentPort) throw new Error('snapshotWorker: must run in a worker thread');
const request = workerData as SnapshotRequest;
let reply: SnapshotReply;
try {
  // its own read-only connection: VACUUM INTO reads one consistent snapshot while the app writes
  const db = openSnapshot(request.dbPath, Buffer.from(request.keyHex, 'hex'));
  try {
    snapshotDatabase(db, request.target);
  } finally {
    db.close();
  }
  reply = { ok: true };
} catch (err) {
  reply = { ok: false, code: (err as { code?: string }).code ?? null, message: (err as Error).message };
}
parentPort.postMessage(reply);
