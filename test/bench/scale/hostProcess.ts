/**
 * The browser host over a data dir, in its own process as `npm start --browser` runs it
 * (openDataDir → createAppServices → startBrowserHost, no scheduler), measuring its own main
 * thread: the bench drives it over HTTP/WebSocket and asks, on stdin, for the largest event-loop
 * stall since the last question (`stall`), for its memory (`memory`, after a full GC when the
 * bench started it with --expose-gc: a hook only this bench entry has) and for a heap snapshot
 * (`heap PATH`). Prints its URL when ready,
 * as the app does. The scale bench runs it through tsx over a seeded data dir; the memory bench
 * runs it bundled as the app's main process is (test/bench/memory/buildBenchHost.ts), with
 * `--demo`, a server and devices: the demo's operators and first sync, then registrations.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import { parseArgs } from 'node:util';
import { firstDemoSync } from '../../../electron/build/firstDemoSync';
import { startBrowserHost } from '../../../electron/host/BrowserHost';
import { createAppServices } from '../../../electron/host/createAppServices';
import { openDataDir } from '../../../electron/host/openDataDir';
import { DEMO_IDENTITY } from '../../../electron/services/demo/seedDemo';
import { setLogQuiet } from '../../../electron/services/log/createLogger';

const started = performance.now();

// a function, not top-level await: the memory bench bundles this entry as CommonJS, as the app's main is
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      // the built renderer (the bench passes it: a bundle cannot find it from its own path)
      'static-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      server: { type: 'string' },
      'sbi-ports': { type: 'string' },
      // the bundled packet worker, as the Electron main passes it
      'packet-worker': { type: 'string' },
    },
  });
  const dataDir = values['data-dir'];
  const staticDir = values['static-dir'];
  if (!dataDir || !staticDir) throw new Error('hostProcess: --data-dir DIR and --static-dir DIR are required');
  setLogQuiet(true);
  // 1 ms: the bench asks for stalls of tens of milliseconds
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const data = openDataDir({ dataDir, env: process.env, ...(values.demo ? { firstRunIdentity: DEMO_IDENTITY } : {}) });
  const ports = values['sbi-ports']?.split(',').map(Number);
  const services = await createAppServices(data, {
    host: 'browser',
    isDemo: values.demo,
    version: 'bench',
    startScheduler: false,
    watchUsb: false,
    ...(values.server ? { serverUrl: values.server } : {}),
    ...(ports ? { sbi: { ports } } : {}),
    ...(values['packet-worker'] ? { packetWorkerEntry: pathToFileURL(values['packet-worker']) } : {}),
  });
  if (values.demo && values.server) await firstDemoSync(services);
  const host = await startBrowserHost({ services, staticDir, port: 0 });
  process.stdout.write(`ready in ${(performance.now() - started).toFixed(0)} ms\n${host.url}\n`);

  const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'stall') {
      // the histogram's values include the 1 ms resolution itself
      reply({ stallMs: Math.max(0, delay.max / 1e6 - 1) });
      delay.reset();
    } else if (line === 'memory') {
      global.gc?.();
      const m = process.memoryUsage();
      // the main isolate's heap and what it holds outside it: RSS beyond them is native memory or a worker's heap
      reply({ rssMb: m.rss / 2 ** 20, heapMb: m.heapTotal / 2 ** 20, externalMb: m.external / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024, gc: typeof global.gc === 'function' });
    } else if (line.startsWith('heap ')) {
      // a heap snapshot of the main isolate after a full GC, for Chrome DevTools' Memory tab
      global.gc?.();
      reply({ path: writeHeapSnapshot(line.slice('heap '.length)) });
    } else if (line === 'stop') {
      break;
    }
  }
  await host.close();
  await services.dispose();
  process.exit(0);
}

void main();
