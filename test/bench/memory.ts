/**
 * `npm run bench -- memory [--registrations 150]`: issue 17's memory target ("after a day of 150
 * registrations, the built app's main process at idle stays ≤ 300 MB RSS, and does not grow from one
 * registration to the next"). Electron cannot run here, so the host is the app's main-process code
 * bundled as the Electron main is (test/bench/memory/buildBenchHost.ts), run by plain Node in its
 * own process over a fresh demo data dir (demo operators, first sync with the MOSIP simulator).
 * Each registration goes through the contract as the renderer makes it (the registration store
 * over the page's WebSocket bridge: draft, demographics, a document, captures from the SBI device
 * simulator, submit), then supervisor1 approves it (and syncs every 10, as a site uploads during
 * the day: the offline limit refuses registrations past 70 packets not uploaded); the host then runs a full GC (--expose-gc, a hook
 * only the bench's host entry has) and reports its RSS. Prints RSS after registrations 1, 10, 50,
 * 100 and 150 and the slope over the last 100 (least squares, MB per 10 registrations);
 * `--heap-snapshots DIR` also writes the host's heap after registrations 10 and the last.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDataDir } from '../../electron/host/openDataDir';
import { foldText } from '../../electron/services/db/foldText';
import { DEMO_IDENTITY } from '../../electron/services/demo/seedDemo';
import { TRUST_DIR } from '../../electron/services/devices/DevicesService';
import { JPEG2000_IDLE_RELEASE_MS } from '../../native/image/Jpeg2000Decoder';
import { systemClock } from '../../native/time/Clock';
import { registerResident } from '../helpers/registerResident';
import { residentName } from '../helpers/scale/residentName';
import { SCALE_ENV } from '../helpers/scaleDataDir';
import { makeTempDir } from '../helpers/tempDir';
import { MosipSimulator } from '../sims/mosip/MosipSimulator';
import { registerMachine } from '../sims/mosip/routes/admin';
import { SbiSimulator } from '../sims/sbi/SbiSimulator';
import { BENCH_HOST, buildBenchHost, PACKET_WORKER } from './memory/buildBenchHost';
import { socketApi } from './memory/socketApi';
import { startBenchHost } from './scale/benchHost';

const STP_ID_SCHEMA = new URL('../../schemas/data/stp/idSchema.json', import.meta.url);
const REPORT_AT = [1, 10, 50, 100, 150];
/** registrations between two syncs (uploads) with the server simulator */
const SYNC_EVERY = 10;

/** Least-squares slope of RSS over registration number, in MB per 10 registrations. */
function slopePer10(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : (sxy / sxx) * 10;
}

export default async function memoryBench(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { registrations: { type: 'string', default: '150' }, 'heap-snapshots': { type: 'string' } } });
  // --heap-snapshots DIR: the host's heap after registrations 10 and the last, to compare in DevTools
  const snapshotDir = values['heap-snapshots'];
  const count = Number(values.registrations);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--registrations must be a positive integer, got ${values.registrations}`);
  await buildBenchHost();
  const dataDir = makeTempDir('regclient-memory-');
  const simDir = makeTempDir('regclient-memory-sim-');
  // the machine key is made when the data dir is first opened; the server must know it before the first sync
  const opened = openDataDir({ dataDir: dataDir.path, env: SCALE_ENV, firstRunIdentity: DEMO_IDENTITY });
  const { centreId, machineId, publicKey } = opened.identity;
  opened.close();
  const server = new MosipSimulator({ stateDir: join(simDir.path, 'sim'), clock: systemClock, idSchemaPath: STP_ID_SCHEMA });
  registerMachine(server, { centreId, machineId, publicKey });
  await server.start();
  const devices = await SbiSimulator.start({ ports: 0 });
  mkdirSync(join(dataDir.path, TRUST_DIR), { recursive: true });
  writeFileSync(join(dataDir.path, TRUST_DIR, 'device-ca.pem'), devices.pki.deviceCaPem);
  const ports = [...devices.devices.values()].map((d) => d.port);
  const host = await startBenchHost(dataDir.path, { entry: [BENCH_HOST], args: ['--demo', '--server', server.url, '--sbi-ports', ports.join(','), '--packet-worker', PACKET_WORKER] });
  try {
    const before = await host.memory();
    if (!before.gc) throw new Error('the host cannot run a GC: it was not started with --expose-gc');
    console.log(`host started (built bundle, demo data, first sync) in ${host.startMs.toFixed(0)} ms; RSS idle before any registration ${before.rssMb.toFixed(0)} MB`);
    const officer = socketApi(host.url);
    await officer['auth.login']({ userId: 'officer1', password: 'Officer#2026' });
    const supervisor = socketApi(host.url);
    await supervisor['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
    const rss: [number, number][] = [];
    const t0 = performance.now();
    for (let n = 1; n <= count; n++) {
      // the seeder's names without their number (a name takes letters only), English without accents
      const name = residentName(n).replace(/ N\d+$/, '');
      const rid = await registerResident({ api: officer, clock: systemClock }, devices, { fullName: { por: name, eng: foldText(name) } });
      await supervisor['packets.approve']({ ids: [rid], password: 'Supervisor#2026' });
      // the site syncs during the day: past 70 packets not uploaded (MOSIP's offline limit) new registrations are refused
      if (n % SYNC_EVERY === 0) await supervisor['sync.now']({});
      const m = await host.memory();
      rss.push([n, m.rssMb]);
      if (snapshotDir && (n === 10 || n === count)) console.log(`heap snapshot: ${await host.heapSnapshot(join(snapshotDir, `host-after-${n}.heapsnapshot`))}`);
      if (REPORT_AT.includes(n) || n === count) console.log(`after registration ${n}: RSS ${m.rssMb.toFixed(1)} MB (main heap ${m.heapMb.toFixed(0)} MB, external ${m.externalMb.toFixed(0)} MB, peak RSS ${m.peakRssMb.toFixed(0)} MB), ${((performance.now() - t0) / n / 1000).toFixed(2)} s per registration`);
    }
    const last = rss.slice(-100);
    console.log(`slope over registrations ${last[0]![0]}–${count}: ${slopePer10(last).toFixed(2)} MB per 10 registrations (least squares, RSS after a full GC)`);
    // the target is the main process at idle: idle long enough that what a capture keeps only while
    // captures go on (the JPEG 2000 decoder's WebAssembly memory) has been let go
    await new Promise((resolve) => setTimeout(resolve, JPEG2000_IDLE_RELEASE_MS + 2_000));
    const idle = await host.memory();
    console.log(`idle ${(JPEG2000_IDLE_RELEASE_MS + 2_000) / 1000} s after registration ${count}: RSS ${idle.rssMb.toFixed(1)} MB (main heap ${idle.heapMb.toFixed(0)} MB, external ${idle.externalMb.toFixed(0)} MB)`);
    console.log(`load average at the end (2 cores, shared): ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  } finally {
    await host.stop();
    await devices.close();
    await server.close();
    dataDir.remove();
    simDir.remove();
  }
}
