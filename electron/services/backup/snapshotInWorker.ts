import { Worker } from 'node:worker_threads';
import { tsxWorker } from '../packets/PacketBuilderPool';

/** What the snapshot worker is given: the live database, its key, and where the copy goes. */
export interface SnapshotRequest {
  readonly dbPath: string;
  readonly keyHex: string;
  readonly target: string;
}
export type SnapshotReply = { readonly ok: true } | { readonly ok: false; readonly code: string | null; readonly message: string };

/**
 * The worker entry run under tsx; the Electron build passes its bundled `snapshotWorker.cjs`. A
 * function, not a constant: in a CommonJS bundle `import.meta.url` is undefined, and a module-level
 * `new URL` would throw as the bundle loads.
 */
export function defaultSnapshotWorker(): URL {
  return new URL('./snapshotWorker.ts', import.meta.url);
}

/**
 * Takes the database snapshot (VACUUM INTO) on a worker thread with its own read-only connection,
 * so the main process's thread (IPC, device preview frames) is not held for the ~1 s a 46 MB copy
 * takes here.
 * @throws Error with the SQLite `code` of the worker's failure (writeBackup maps it to ERR_BACKUP_WRITE_FAILED)
 */
export async function snapshotInWorker(entry: URL, request: SnapshotRequest): Promise<void> {
  const worker = entry.pathname.endsWith('.ts') ? tsxWorker(entry, request) : new Worker(entry, { workerData: request });
  const reply = await new Promise<SnapshotReply>((resolvePromise, reject) => {
    worker.once('message', resolvePromise);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`snapshotWorker exited with code ${code} before it replied`)));
  });
  await worker.terminate();
  if (!reply.ok) throw Object.assign(new Error(`snapshot failed: ${reply.message}`), { code: reply.code ?? undefined });
}
