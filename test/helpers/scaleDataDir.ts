import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../electron/host/createAppServices';
import { openDataDir } from '../../electron/host/openDataDir';
import { setLogQuiet } from '../../electron/services/log/createLogger';
import { REGISTRATION_CERT_PATH } from '../../electron/services/packets/RegistrationCertProvider';
import { ManualClock } from '../../native/time/ManualClock';
import { makeTestPki } from './packetKeys';
import { seedAudit } from './scale/seedAudit';
import { seedHistory } from './scale/seedHistory';
import { seedPackets } from './scale/seedPackets';
import { makeTempDir } from './tempDir';

/** Bump when what the seeder writes changes: cached data dirs of another version are rebuilt. */
export const SCALE_SEED_VERSION = 1;
const DAY = 86_400_000;
/** the days the seeded packets span, ending at the moment of seeding */
const SPAN_DAYS = 30;
const DRAFTS = 200;
/** audit entries per packet: 100,000 at 10,000 packets */
const AUDIT_PER_PACKET = 10;
/** how a seeded data dir's keys are kept, so any process (app, CLI, test) opens it with this env */
export const SCALE_ENV = { REGCLIENT_KEY_STORE: 'keyfile' } as const;

/** What a seeded data dir holds, written beside it when the seeding finished. */
export interface ScaleSeed {
  readonly version: number;
  readonly packets: number;
  readonly drafts: number;
  readonly auditRows: number;
  readonly seededAt: number;
  readonly seedMs: number;
}

const cacheDir = (packets: number, engineEvery: number) => join(tmpdir(), 'regclient-scale-cache', `v${SCALE_SEED_VERSION}-${packets}${engineEvery > 1 ? `-rows${engineEvery}` : ''}`);

/**
 * Seeds a data dir through the real services: 200 drafts, `packets` packets from the engine over
 * the last 30 days, a month of approvals, uploads and retention, and 10 audit entries per packet.
 */
async function seed(dataDir: string, packets: number, log: (line: string) => void, engineEvery: number): Promise<ScaleSeed> {
  const started = Date.now();
  const clock = new ManualClock(started - SPAN_DAYS * DAY);
  const data = openDataDir({ dataDir, env: SCALE_ENV, clock });
  const services = await createAppServices(data, { host: 'browser', isDemo: true, version: 'scale-seed', startScheduler: false });
  try {
    mkdirSync(join(dataDir, 'certs'), { recursive: true });
    // valid for years from now: the bench and the e2e open the dir with the real clock
    writeFileSync(join(dataDir, REGISTRATION_CERT_PATH), makeTestPki(started).regCertPem);
    // before the packets: the offline limits (unsynced packets) would refuse new drafts after them
    for (let i = 0; i < DRAFTS; i++) services.registration.drafts.create('officer1', { process: 'NEW', languages: ['por', 'eng'] });
    await seedPackets(services, clock, packets, SPAN_DAYS * DAY, (done) => log(`  ${done}/${packets} packets (${Math.round((Date.now() - started) / 1000)} s)`), engineEvery);
    clock.advance(Math.max(0, started - clock.now()));
    await seedHistory(services);
    seedAudit(data.db, data.audit, packets * AUDIT_PER_PACKET);
    const auditRows = (data.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    return { version: SCALE_SEED_VERSION, packets, drafts: DRAFTS, auditRows, seededAt: started, seedMs: Date.now() - started };
  } finally {
    await services.dispose();
  }
}

/**
 * The cached seeded data dir of `packets` packets (seeded on first use, in the system temp folder,
 * keyed by SCALE_SEED_VERSION), and what it holds. Read-only: copy it (`copyScaleDataDir`) to use it.
 */
export async function scaleDataDir(packets: number, log: (line: string) => void = () => undefined, engineEvery = 1): Promise<{ dir: string; seed: ScaleSeed }> {
  const dir = cacheDir(packets, engineEvery);
  const marker = join(dir, 'scale-seed.json');
  if (existsSync(marker)) return { dir, seed: JSON.parse(readFileSync(marker, 'utf8')) as ScaleSeed };
  setLogQuiet(true);
  log(`seeding a data dir of ${packets} packets in ${dir} (cached for the next run)`);
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const result = await seed(building, packets, log, engineEvery);
  writeFileSync(join(building, 'scale-seed.json'), JSON.stringify(result));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { dir, seed: result };
}

/** A private copy of the cached data dir of `packets` packets, to open, change and remove. */
export async function copyScaleDataDir(packets: number, log?: (line: string) => void, engineEvery = 1): Promise<{ path: string; seed: ScaleSeed; remove(): void }> {
  const { dir, seed: s } = await scaleDataDir(packets, log, engineEvery);
  const temp = makeTempDir('regclient-scale-');
  cpSync(dir, temp.path, { recursive: true });
  return { path: temp.path, seed: s, remove: temp.remove };
}
