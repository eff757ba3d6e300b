import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { RENDERER_DIST } from '../../../electron/build/buildAll';
import { startBrowserHost } from '../../../electron/host/BrowserHost';
import { ManualClock } from '../../../native/time/ManualClock';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { startSimulator } from '../../integration/sbi/sbiTestKit';
import { admin } from '../../integration/sync/syncTestBed';
import { makeTestPki } from '../../helpers/packetKeys';
import { openRealBackEnd, type RealBackEnd } from '../../helpers/realBackEnd';
import { makeTempDir } from '../../helpers/tempDir';

/** The real app in this process: services, the browser host serving the built renderer, simulators. */
export interface InProcessApp {
  /** the browser host's address with this run's token */
  readonly url: string;
  readonly backEnd: RealBackEnd;
  readonly devices: SbiSimulator;
  /** the MOSIP server simulator, when asked for */
  readonly server: MosipSimulator | undefined;
  stop(): Promise<void>;
}

/**
 * The browser host (`npm start --browser`) over real services, started in the test's process so the
 * test can reach the back end it drives: the SBI device simulator (its devices' scores and status),
 * the synced configuration, the outbox; with `server`, a MOSIP server simulator the machine is
 * registered with. One ManualClock (22 November 2026) drives the back end and both simulators (packet certificates
 * are minted for it), so nothing depends on the day the test runs. Needs `npm run build`.
 */
export async function startInProcessApp(options: { server?: boolean } = {}): Promise<InProcessApp> {
  // a frame every 100 ms is enough for a live image and spares the two shared cores
  const clock = new ManualClock();
  const devices = await startSimulator({ frameIntervalMs: 100, now: () => clock.now() });
  const simDir = makeTempDir('regclient-e2e-sim-');
  const server = options.server
    ? await new MosipSimulator({ stateDir: join(simDir.path, 'sim'), clock, idSchemaPath: new URL('../../../schemas/data/stp/idSchema.json', import.meta.url) }).start()
    : undefined;
  const backEnd = await openRealBackEnd(devices, makeTestPki(clock.now()), server ? { serverUrl: server.url } : {}, clock);
  if (server) {
    const { identity, machineKey } = backEnd.services.data;
    await admin(server, 'machines', { centreId: identity.centreId, machineId: identity.machineId, publicKey: machineKey.spkiDer.toString('base64') });
    // the name the simulator's machine master has for it (re-keying keeps it), as the demo sets it:
    // "Sync now" checks the machine by this name (tpm/publickey/verify)
    const settings = backEnd.services.settings;
    settings.update({ ...settings.get(), machineName: 'stp-laptop-10002' }, 'e2e');
    await backEnd.services.sync.mosip!.login('supervisor1', 'Supervisor#2026');
    await backEnd.services.sync.mosip!.verifyMachine();
    // the first sync of a new machine, as the demo does it: the server's certificate, master data, reasons
    await backEnd.services.sync.scheduler.runNow('downSync');
    const job = backEnd.services.sync.scheduler.status().find((j) => j.job === 'downSync');
    if (job?.lastOk !== true) throw new Error(`startInProcessApp: down-sync ended with ${job?.lastErrorCode ?? 'an unknown error'}`);
  }
  const host = await startBrowserHost({ services: backEnd.services, staticDir: RENDERER_DIST, port: 0 });
  return {
    url: host.url,
    backEnd,
    devices,
    server,
    async stop() {
      await host.close();
      await backEnd.close();
      await server?.close();
      await devices.close();
      simDir.remove();
    },
  };
}

/**
 * A fresh 1366×768 browser context whose page runs on the back end's clock (so "today" is the day
 * the packets were made; `ownClock` leaves the browser's), each step waiting at most `timeoutMs`;
 * `locale` is the browser's own language when given; the page's uncaught errors are pushed to
 * `errors` when given, for the test to assert none.
 */
export async function newAppPage(browser: Browser, app: InProcessApp, o: Readonly<{ timeoutMs: number; errors?: string[]; locale?: string; ownClock?: boolean }>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...(o.locale === undefined ? {} : { locale: o.locale }) });
  context.setDefaultTimeout(o.timeoutMs);
  const page = await context.newPage();
  if (!o.ownClock) await page.clock.setFixedTime(app.backEnd.clock.now());
  const errors = o.errors;
  if (errors) page.on('pageerror', (err) => errors.push(err.message));
  return { context, page };
}
