import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type WebSocket from 'ws';
import { callOver, openSocket, type LooseReply } from '../../helpers/hostSocket';
import { RENDERER_DIST } from '../../../electron/build/buildAll';
import { SCALE_ENV } from '../../helpers/scaleDataDir';

/** The host process (hostProcess.ts) over one data dir, and the bench's socket to it. */
export interface BenchHost {
  readonly url: string;
  /** ms from spawn to the host's URL line (the process's own start-up, its modules and the database) */
  readonly startMs: number;
  /** a contract call over the browser host's WebSocket, as a page makes it; rejects on an error reply */
  call(method: string, input?: unknown): Promise<unknown>;
  /** the host's largest event-loop stall (ms) since the last time it was asked */
  stall(): Promise<number>;
  /** RSS after a full GC of the main isolate (`gc`: whether the host could run one), its heap and external memory, and the peak RSS */
  memory(): Promise<{ rssMb: number; heapMb: number; externalMb: number; peakRssMb: number; gc: boolean }>;
  /** writes a heap snapshot of the host's main isolate (after a GC) to `path`; resolves with the path written */
  heapSnapshot(path: string): Promise<string>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./hostProcess.ts', import.meta.url));

/** The host's stdout as lines to take one at a time: readline emits a chunk's lines at once, a `once` listener would lose all but the first. */
function lineQueue(lines: Interface, child: ChildProcess): () => Promise<string> {
  const ready: string[] = [];
  const waiting: { resolve: (line: string) => void; reject: (err: Error) => void }[] = [];
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next.resolve(line);
    else ready.push(line);
  });
  child.once('exit', (code, signal) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`host process exited with ${code ?? signal}`));
  });
  return () => {
    const line = ready.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
}

async function waitForUrl(nextLine: () => Promise<string>): Promise<string> {
  for (;;) {
    const line = await nextLine();
    if (line.startsWith('http://')) return line;
  }
}

/** How the host process is started: by default hostProcess.ts through tsx over the built renderer. */
export interface BenchHostLaunch {
  /** what node runs before the host's own arguments (default: tsx and hostProcess.ts) */
  readonly entry?: readonly string[];
  /** more arguments for the host (hostProcess.ts's options) */
  readonly args?: readonly string[];
}

/** Starts the host over `dataDir` (opened with SCALE_ENV) and opens the API socket. */
export async function startBenchHost(dataDir: string, launch: BenchHostLaunch = {}): Promise<BenchHost> {
  const t0 = performance.now();
  const entry = launch.entry ?? ['--import', 'tsx', ENTRY];
  const child = spawn(process.execPath, ['--expose-gc', ...entry, '--data-dir', dataDir, '--static-dir', RENDERER_DIST, ...(launch.args ?? [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...SCALE_ENV, REGCLIENT_LOG: 'silent' },
  });
  const nextLine = lineQueue(createInterface({ input: child.stdout! }), child);
  const url = await waitForUrl(nextLine);
  const startMs = performance.now() - t0;
  const { origin, port, searchParams } = new URL(url);
  const ws: WebSocket = await openSocket(`ws://127.0.0.1:${port}/ws?token=${searchParams.get('token')}`, origin);
  let seq = 0;
  const ask = async <T>(question: string): Promise<T> => {
    const answer = nextLine();
    child.stdin!.write(`${question}\n`);
    return JSON.parse(await answer) as T;
  };
  return {
    url,
    startMs,
    async call(method, input = {}) {
      const reply: LooseReply = await callOver(ws, ++seq, method, input);
      if (!reply.ok) throw new Error(`${method}: ${reply.error?.code} ${JSON.stringify(reply.error?.details)}`);
      return reply.value;
    },
    stall: async () => (await ask<{ stallMs: number }>('stall')).stallMs,
    memory: () => ask('memory'),
    heapSnapshot: async (path) => (await ask<{ path: string }>(`heap ${path}`)).path,
    async stop() {
      ws.close();
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.write('stop\n');
      await exited;
    },
  };
}
