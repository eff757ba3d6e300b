import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../../schemas/errors';
import { buildElectron, buildRenderer, RENDERER_DIST } from './buildAll';
import { DEMO_IDENTITY } from '../services/demo/seedDemo';
import { createLogger, toLogFormat } from '../services/log/createLogger';
import { startBrowserHost } from '../host/BrowserHost';
import { createAppServices } from '../host/createAppServices';
import { DATA_DIR_ENV, resolveDataDir } from '../host/defaultDataDir';
import { demoMode } from '../host/demoMode';
import { findElectronBinary } from '../host/findElectronBinary';
import { startRefusalText, startServerUrl } from '../host/serverAddress';
import { KEY_DIR, openDataDir } from '../host/openDataDir';
import { MACHINE_PUBLIC_KEY_FILE } from '../../native/keystore/machineKeyStore';
import { parsePortRange } from '../../native/sbi/SbiClientOptions';
import { startDemoSimulators } from './demoSimulators';
import { firstDemoSync } from './firstDemoSync';

const log = createLogger('start');
const ROOT = join(import.meta.dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * `npm start`: the Electron window where Electron's binary exists, otherwise the browser host
 * with the same services, printing its URL (with this run's token) on a line of its own.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      browser: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      server: { type: 'string' },
      'without-simulators': { type: 'boolean', default: false },
      'sbi-ports': { type: 'string' },
      /** demo: leave the first sync (machine name, KERNEL/SIGN pin) to the operator, as on a new machine */
      'no-first-sync': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  // before anything is built or opened: an insecure address refuses the start, naming where it came from
  const serverUrl = startServerUrl(values.server, process.env);
  // `npm start` alone is the README's demo; a named data folder gets it only with --demo (never
  // seed published passwords into what may be a real machine's data)
  const demo = demoMode({ demoFlag: values.demo, isPackaged: false, dataDirGiven: Boolean(values['data-dir'] || process.env[DATA_DIR_ENV]), impliedWithoutDataDir: true });
  const dataDir = resolveDataDir(values['data-dir'] ?? (demo ? join(ROOT, '.demo-data') : undefined), process.env);

  const electron = values.browser ? undefined : findElectronBinary();
  if (electron) {
    await buildRenderer();
    await buildElectron();
    const args = [join(ROOT, 'dist', 'electron', 'main.cjs'), `--data-dir=${dataDir}`, ...(demo ? ['--demo'] : []), ...(serverUrl ? [`--server=${serverUrl}`] : [])];
    const child = spawn(electron, args, { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  if (!values['no-build']) await buildRenderer();
  const data = openDataDir({ dataDir, env: process.env, ...(demo ? { firstRunIdentity: DEMO_IDENTITY } : {}) });
  // `--sbi-ports 0`: the demo devices take ports the OS assigns and the client scans exactly those.
  const sbiPorts = values['sbi-ports'] === '0' ? 0 : parsePortRange(values['sbi-ports'] ?? '4501-4600');
  const simulators =
    demo && !values['without-simulators']
      ? await startDemoSimulators({ dataDir, machinePublicKeyPem: join(dataDir, KEY_DIR, MACHINE_PUBLIC_KEY_FILE), sbiPorts })
      : undefined;
  const scanPorts = sbiPorts === 0 ? simulators?.devicePorts : sbiPorts;
  if (!scanPorts) throw new Error('--sbi-ports 0 (ports the OS assigns) needs the demo simulators: --demo without --without-simulators');
  const server = serverUrl ?? simulators?.serverUrl;
  const services = await createAppServices(data, {
    host: 'browser',
    isDemo: demo,
    version: VERSION,
    watchUsb: true,
    startScheduler: true,
    // The demo's devices are where its simulator put them; otherwise the supervisor's settings decide.
    ...(simulators || values['sbi-ports'] ? { sbi: { ports: scanPorts } } : {}),
    ...(server ? { serverUrl: server } : {}),
  });
  if (simulators && !values['no-first-sync']) await firstDemoSync(services);
  const host = await startBrowserHost({ services, staticDir: RENDERER_DIST, port });
  process.stdout.write(`regclient ${VERSION} (browser host${demo ? ', demo' : ''}) — data in ${dataDir}\n`);
  process.stdout.write(`Machine ${data.identity.machineId} at centre ${data.identity.centreId}, key index ${data.identity.keyIndex}\n`);
  process.stdout.write('Open this address in Chromium or Chrome:\n');
  process.stdout.write(`${host.url}\n`);
  if (simulators) process.stdout.write(`Demo server simulator: ${simulators.serverUrl} · demo devices on ports ${simulators.devicePorts.join(',')}\n`);
  const stop = async () => {
    await host.close();
    await services.dispose();
    await simulators?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

try {
  await main();
} catch (err) {
  if (isAppError(err)) {
    process.stderr.write(`${startRefusalText(err)}\n`);
  } else {
    log.error('start failed', { error: toLogFormat(err) });
  }
  process.exit(1);
}
