/**
 * `npm run bench -- sync [--packets 200] [--mbit 20] [--skip-throttled]`: end-of-day sync of N packets
 * of about 2 MB each (real packets from the engine) to the MOSIP simulator on loopback, through the
 * real outbox (RID sync in batches, 2 uploads at once, hash re-check before each upload):
 *  1. through a TCP proxy that throttles the client → server direction to `--mbit` (a shared link);
 *     prints the % of the link the sync achieved;
 *  2. unthrottled; prints MB/s beside plain `curl` uploads of the same files, measured in the same run.
 */
import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { computeKeyIndex } from '../../native/keystore/keyIndex';
import { systemClock } from '../../native/time/Clock';
import { AuditLog } from '../../electron/services/audit/AuditLog';
import type { DB } from '../../electron/services/db/Database';
import { migrate } from '../../electron/services/db/migrations';
import { openDatabase } from '../../electron/services/db/openDatabase';
import { listOutbox } from '../../electron/services/db/repos/outbox';
import { setLogQuiet } from '../../electron/services/log/createLogger';
import { OutboxService } from '../../electron/services/sync/outbox/OutboxService';
import { MosipHttpClient } from '../../electron/services/sync/MosipHttpClient';
import { MosipSyncService } from '../../electron/services/sync/MosipSyncService';
import { RegProcClient } from '../../electron/services/sync/RegProcClient';
import { MosipSimulator } from '../sims/mosip/MosipSimulator';
import { registerMachine } from '../sims/mosip/routes/admin';
import { approveAll, seedPackets } from '../integration/sync/outboxBed';

const run = promisify(execFile);
/** About 2 MB per encrypted packet: two 0.85 MB scanned documents plus realistic ISO biometrics. */
const TWO_MB = { fingerBytes: 25_000, irisBytes: 40_000, faceBytes: 100_000, documentBytes: 850_000, exceptionPhotoBytes: 40_000 };

/** A TCP proxy whose client → server direction shares one link of `bytesPerSecond` (null: unthrottled). */
async function throttleProxy(target: number, bytesPerSecond: number): Promise<{ port: number; server: Server }> {
  let nextFree = 0;
  const server = createServer((client: Socket) => {
    const upstream = connect(target, '127.0.0.1');
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      const now = performance.now();
      nextFree = Math.max(now, nextFree) + (chunk.length / bytesPerSecond) * 1000;
      client.pause();
      setTimeout(() => {
        upstream.write(chunk);
        client.resume();
      }, nextFree - now);
    });
    client.on('end', () => upstream.end());
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

interface Bed {
  readonly service: MosipSyncService;
  readonly regCertPem: string;
}

/** The simulator in its own process (as in production the server is not in the client's event loop). */
async function spawnSim(stateDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../sims/mosip/main.ts', import.meta.url)), '--port', '0', '--state-dir', stateDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function eod(db: DB, dataDir: string, bed: Bed, serverUrl: string): Promise<{ seconds: number; bytes: number; uploaded: number }> {
  // Through the proxy: the same session cookie on another base URL.
  const http = serverUrl === bed.service.http.baseUrl ? bed.service.http : new MosipHttpClient({ baseUrl: serverUrl, clock: systemClock, timeoutMs: 120_000, token: () => bed.service.token });
  const regproc = new RegProcClient({ http, clock: systemClock, refId: '10001_10002', registrationCertPem: bed.regCertPem, uploadTimeoutMs: 600_000 });
  const outbox = new OutboxService({ db, audit: new AuditLog(db, systemClock), clock: systemClock, random: Math.random, packetsDir: join(dataDir, 'packets'), server: regproc, reauth: async () => void (await bed.service.refresh()) });
  const bytes = listOutbox(db).filter((i) => i.state === 'READY' || i.state === 'SYNCED').reduce((sum, i) => sum + i.size, 0);
  const t0 = performance.now();
  const summary = await outbox.drain({ deadline: systemClock.now() + 3_600_000 });
  const seconds = (performance.now() - t0) / 1000;
  if (summary.parked.length || summary.stoppedBy) throw new Error(`bench sync failed: ${JSON.stringify({ parked: summary.parked.slice(0, 3), stoppedBy: summary.stoppedBy })}`);
  return { seconds, bytes, uploaded: summary.uploaded.length };
}

async function curlUpload(files: readonly string[], url: string, token: string): Promise<number> {
  const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)];
  const t0 = performance.now();
  await Promise.all(
    halves.map((list) => {
      const args = list.flatMap((file, i) => [...(i > 0 ? ['--next'] : []), '-s', '-o', '/dev/null', '-b', `Authorization=${token}`, '-F', `file=@${file};filename=${file.split('/').pop()}`, url]);
      return run('curl', args, { maxBuffer: 1 << 20 });
    }),
  );
  return (performance.now() - t0) / 1000;
}

export default async function bench(args: string[]): Promise<void> {
  setLogQuiet(true);
  const { values } = parseArgs({ args, options: { packets: { type: 'string', default: '200' }, mbit: { type: 'string', default: '20' }, 'skip-throttled': { type: 'boolean', default: false } }, strict: true });
  const count = Number(values.packets);
  const mbit = Number(values.mbit);
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
  const machineKey = { privateKey, publicKey, spkiDer, keyIndex: computeKeyIndex(spkiDer) };
  const dataDir = join(dir, 'client');
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 't.db'), randomBytes(32));
  migrate(db);
  const stateDir = join(dir, 'sim');
  // Seed the simulator's state and PKI here, then serve it from its own process.
  const local = new MosipSimulator({ stateDir, clock: systemClock });
  registerMachine(local, { centreId: '10001', machineId: '10002', publicKey: spkiDer.toString('base64') });
  let server = await spawnSim(stateDir);
  try {
    const service = new MosipSyncService({ db, clock: systemClock, machineKey, centreId: '10001', machineId: '10002', serverUrl: server.url, dataDir, timeoutMs: 120_000 });
    await service.login('officer1', 'Officer#2026');
    await service.downSync();
    const bed: Bed = { service, regCertPem: local.pki.registration('10001_10002').certPem };
    const t0 = performance.now();
    const rids = await seedPackets({ db, dataDir, sim: local, machineKey, now: systemClock.now(), count, sizes: TWO_MB });
    approveAll(db, systemClock, rids);
    const total = listOutbox(db).reduce((s, i) => s + i.size, 0);
    console.log(`built ${count} packets, ${(total / count / 1e6).toFixed(2)} MB each on average, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    if (!values['skip-throttled']) {
      const proxy = await throttleProxy(Number(new URL(server.url).port), (mbit * 1e6) / 8);
      const r = await eod(db, dataDir, bed, `http://127.0.0.1:${proxy.port}`);
      proxy.server.close();
      const achieved = (r.bytes * 8) / r.seconds / 1e6;
      console.log(`throttled ${mbit} Mbit/s: ${r.uploaded} packets, ${(r.bytes / 1e6).toFixed(0)} MB in ${r.seconds.toFixed(1)} s = ${achieved.toFixed(2)} Mbit/s of packet bytes = ${((achieved / mbit) * 100).toFixed(1)} % of the link`);
      // The server forgets the packets so the same ones go again, unthrottled.
      await server.stop();
      const statePath = join(stateDir, 'state.json');
      writeFileSync(statePath, JSON.stringify({ ...(JSON.parse(readFileSync(statePath, 'utf8')) as object), packets: {} }));
      server = await spawnSim(stateDir);
      const fresh = new MosipSyncService({ db, clock: systemClock, machineKey, centreId: '10001', machineId: '10002', serverUrl: server.url, dataDir, timeoutMs: 120_000 });
      await fresh.login('officer1', 'Officer#2026');
      Object.assign(bed, { service: fresh });
      db.prepare("UPDATE outbox SET state = 'READY', attempts = 0, next_attempt_at = NULL, uploaded_at = NULL, server_status = NULL").run();
    }
    const r = await eod(db, dataDir, bed, server.url);
    const files = listOutbox(db).map((i) => join(dataDir, 'packets', `${i.packetId}.zip`));
    const uploadUrl = `${server.url}/registrationprocessor/v1/packetreceiver/registrationpackets`;
    const curlSeconds = await curlUpload(files, uploadUrl, bed.service.token!);
    // The same upload-only work for the outbox: packets back to SYNCED; the server answers "duplicate".
    db.prepare("UPDATE outbox SET state = 'SYNCED', attempts = 0, next_attempt_at = NULL").run();
    const again = await eod(db, dataDir, bed, server.url);
    const mb = r.bytes / 1e6;
    console.log(`unthrottled loopback, full EOD (RID sync + hash re-check + upload + server packet check): ${(mb / r.seconds).toFixed(1)} MB/s (${r.uploaded} packets in ${r.seconds.toFixed(1)} s)`);
    console.log(`unthrottled loopback, upload only (server answers duplicate):  outbox ${(mb / again.seconds).toFixed(1)} MB/s   curl ${(mb / curlSeconds).toFixed(1)} MB/s  (2 uploads at once each)`);
  } finally {
    db.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
