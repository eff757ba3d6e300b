import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { AppError, deserializeError } from '../../../schemas/errors';
import type { PacketBuildStage } from '../../../schemas/packet';
import { createLogger } from '../log/createLogger';
import type { PacketBuilder, PacketBuildOutput } from './packetBuildJob';
import type { WorkerReply, WorkerRequest } from './packetWorkerProtocol';

interface Pending {
  readonly resolve: (value: PacketBuildOutput) => void;
  readonly reject: (err: unknown) => void;
  readonly onStage: (stage: PacketBuildStage, fraction: number) => void;
  /** names a cancelled call */
  readonly draftId: string;
  /** performance.now() when the call was posted: the call's duration includes its wait */
  readonly startedAt: number;
  /** removes the call's abort listener */
  readonly release: () => void;
  /** the caller aborted: the worker was told, and whatever it replies, the call is cancelled */
  cancelled: boolean;
}

const log = createLogger('packets');

/**
 * Owns the packet worker (STYLE rule 25): requests carry a `seq`, replies are matched by it,
 * progress messages are forwarded, and a worker crash fails every pending call with
 * ERR_PACKET_BUILD_FAILED and starts a fresh worker on the next call. An aborted call posts a
 * cancel message; the worker stops that build at its next stage, and its reply settles the call
 * with ERR_PACKET_BUILD_CANCELLED (also when the build had finished before the message reached
 * it), so when the call settles the worker has let go of it. Each call's duration is logged and
 * returned as `durationMs`.
 */
export class PacketBuilderPool {
  readonly #entry: URL | undefined;
  #worker: Worker | undefined;
  #seq = 0;
  readonly #pending = new Map<number, Pending>();

  /**
   * `entry` defaults to the TypeScript worker next to this file (run under tsx); builds pass the
   * bundled .js. The default is resolved at the first build: in a bundle that never builds (the
   * CLI's decisions) there is no module URL to resolve it against.
   */
  constructor(entry?: URL) {
    this.#entry = entry;
  }

  readonly build: PacketBuilder = (job, { signal, onStage = () => undefined } = {}) =>
    new Promise<PacketBuildOutput>((resolve, reject) => {
      if (signal?.aborted) return reject(new AppError('ERR_PACKET_BUILD_CANCELLED', { draftId: job.draftId }));
      const seq = ++this.#seq;
      const worker = this.#ensureWorker();
      const onAbort = () => {
        const pending = this.#pending.get(seq);
        if (!pending || pending.cancelled) return;
        pending.cancelled = true;
        worker.postMessage({ type: 'cancel', seq } satisfies WorkerRequest);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(seq, {
        resolve, reject, onStage, draftId: job.draftId, startedAt: performance.now(), release: () => signal?.removeEventListener('abort', onAbort), cancelled: false,
      });
      // Referenced only while a build is pending, so an idle pool never keeps the process alive.
      worker.ref();
      worker.postMessage({ type: 'build', seq, job } satisfies WorkerRequest);
    });

  async dispose(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const entry = this.#entry ?? new URL('./packetBuildWorker.ts', import.meta.url);
    const worker = entry.pathname.endsWith('.ts') ? tsxWorker(entry) : new Worker(entry);
    worker.on('message', (reply: WorkerReply) => this.#onReply(reply));
    worker.on('error', (err) => this.#failAll(err.message));
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = undefined;
      if (this.#pending.size > 0) this.#failAll(`worker exited with code ${code}`);
    });
    this.#worker = worker;
    return worker;
  }

  #onReply(reply: WorkerReply): void {
    const pending = this.#pending.get(reply.seq);
    if (!pending) return;
    if (reply.type === 'progress') return pending.onStage(reply.stage, reply.fraction);
    this.#settle(reply.seq, pending);
    const durationMs = performance.now() - pending.startedAt;
    log.info('packet build finished', { seq: reply.seq, ok: reply.ok, cancelled: pending.cancelled, durationMs: Math.round(durationMs) });
    if (pending.cancelled) pending.reject(new AppError('ERR_PACKET_BUILD_CANCELLED', { draftId: pending.draftId }));
    else if (reply.ok) pending.resolve({ ...reply.value, durationMs });
    else pending.reject(deserializeError(reply.error));
  }

  /** Forgets a call and lets an idle worker go. */
  #settle(seq: number, pending: Pending): void {
    this.#pending.delete(seq);
    pending.release();
    if (this.#pending.size === 0) this.#worker?.unref();
  }

  #failAll(reason: string): void {
    for (const [seq, pending] of this.#pending) {
      this.#settle(seq, pending);
      pending.reject(new AppError('ERR_PACKET_BUILD_FAILED', { reason }));
    }
  }
}

/**
 * Under tsx (tests, CLI, dev) a worker does not inherit the `--import tsx` hooks on Node 20
 * ("Unknown file extension .ts"), so a one-line bootstrap registers tsx's ESM hooks in the worker
 * before importing the entry. Bundled builds pass a .js entry and never take this path.
 */
/** A worker running a TypeScript entry under tsx (tests, the browser host under tsx); `workerData` is passed through. */
export function tsxWorker(entry: URL, workerData?: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `(async () => { const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(entry.href)}); })()`;
  return new Worker(boot, { eval: true, ...(workerData === undefined ? {} : { workerData }) });
}
