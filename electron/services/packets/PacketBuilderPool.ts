import { Worker } from 'node:worker_threads';
import { AppError, deserializeError } from '../../../schemas/errors';
import type { PacketBuildStage } from '../../../schemas/packet';
import type { PacketBuildOutput, PacketBuildRequest } from './packetBuildJob';
import type { WorkerReply, WorkerRequest } from './packetWorkerProtocol';

interface Pending {
  readonly resolve: (value: PacketBuildOutput) => void;
  readonly reject: (err: unknown) => void;
  readonly onStage: (stage: PacketBuildStage, fraction: number) => void;
}

/** Builds packets off the main thread; the same call shape as `runPacketBuild`. */
export type PacketBuilder = (req: PacketBuildRequest, onStage?: (stage: PacketBuildStage, fraction: number) => void) => Promise<PacketBuildOutput>;

/**
 * Owns the packet worker (STYLE rule 25): requests carry a `seq`, replies are matched by it,
 * progress messages are forwarded, and a worker crash fails every pending call with
 * ERR_PACKET_BUILD_FAILED and starts a fresh worker on the next call.
 */
export class PacketBuilderPool {
  readonly #entry: URL;
  #worker: Worker | undefined;
  #seq = 0;
  readonly #pending = new Map<number, Pending>();

  /** `entry` defaults to the TypeScript worker next to this file (run under tsx); builds pass the bundled .js. */
  constructor(entry: URL = new URL('./packetBuildWorker.ts', import.meta.url)) {
    this.#entry = entry;
  }

  readonly build: PacketBuilder = (request, onStage = () => undefined) =>
    new Promise<PacketBuildOutput>((resolve, reject) => {
      const seq = ++this.#seq;
      this.#pending.set(seq, { resolve, reject, onStage });
      const worker = this.#ensureWorker();
      // Referenced only while a build is pending, so an idle pool never keeps the process alive.
      worker.ref();
      worker.postMessage({ seq, request } satisfies WorkerRequest);
    });

  async dispose(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.#entry.pathname.endsWith('.ts') ? tsxWorker(this.#entry) : new Worker(this.#entry);
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
    this.#pending.delete(reply.seq);
    if (this.#pending.size === 0) this.#worker?.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(deserializeError(reply.error));
  }

  #failAll(reason: string): void {
    for (const [seq, pending] of this.#pending) {
      this.#pending.delete(seq);
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
