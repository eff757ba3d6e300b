import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from '../../electron/services/db/Database';
import { migrate } from '../../electron/services/db/migrations';
import { openDatabase } from '../../electron/services/db/openDatabase';

/** A kill point: the `request`-th counted request the child sends, then `delayMs` more. */
export interface KillAt {
  readonly request: number;
  readonly delayMs: number;
}

/** How a child run ended; `requests` counted ones it sent, `ranMs` from the first of them to its exit. */
export interface ChildRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly out: string;
  readonly requests: number;
  readonly ranMs: number;
}

/**
 * Runs `entry` (a TypeScript child, under tsx) and SIGKILLs it at `killAt` (undefined: lets it
 * finish). The kill follows the child's own progress, the simulator's `request` events that
 * `counts`, so it lands mid-work on a fast machine and a loaded one alike; a fixed time window did
 * not (a fast CI killed 5 of 30 runs). stdout and stderr are kept together in `out`.
 */
export function runKillableChild(o: Readonly<{ entry: string; server: EventEmitter; counts: (path: string) => boolean; env: NodeJS.ProcessEnv; killAt: KillAt | undefined }>): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', o.entry], { env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let requests = 0;
    let firstAt: number | undefined;
    const onRequest = (path: string): void => {
      if (!o.counts(path)) return;
      requests++;
      firstAt ??= performance.now();
      if (o.killAt && requests === o.killAt.request) setTimeout(() => child.kill('SIGKILL'), o.killAt.delayMs);
    };
    o.server.on('request', onRequest);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', (err) => {
      o.server.off('request', onRequest);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      o.server.off('request', onRequest);
      resolve({ code, signal, out, requests, ranMs: firstAt === undefined ? 0 : performance.now() - firstAt });
    });
  });
}

/**
 * A fresh encrypted, migrated database under `dataDir` that each child opens again from the
 * environment it is given (CHILD_DATA_DIR, CHILD_DB_KEY, CHILD_SIM_URL).
 */
export function childDatabase(dataDir: string, simUrl: string): { db: DB; env: Readonly<Record<string, string>> } {
  const key = randomBytes(32);
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 't.db'), key);
  migrate(db);
  return { db, env: { CHILD_DATA_DIR: dataDir, CHILD_DB_KEY: key.toString('hex'), CHILD_SIM_URL: simUrl } };
}
