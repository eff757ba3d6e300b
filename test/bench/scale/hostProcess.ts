/**
 * The browser host over a seeded data dir, in its own process as `npm start --browser` runs it
 * (openDataDir → createAppServices → startBrowserHost, no simulators, no scheduler), measuring its
 * own main thread: the bench drives it over HTTP/WebSocket and asks, on stdin, for the largest
 * event-loop stall since the last question (`stall`) and for its memory (`memory`). Prints its URL
 * when ready, as the app does.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { RENDERER_DIST } from '../../../electron/build/buildAll';
import { startBrowserHost } from '../../../electron/host/BrowserHost';
import { createAppServices } from '../../../electron/host/createAppServices';
import { openDataDir } from '../../../electron/host/openDataDir';
import { setLogQuiet } from '../../../electron/services/log/createLogger';

const started = performance.now();
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('hostProcess: --data-dir DIR is required');
setLogQuiet(true);
// 1 ms: the bench asks for stalls of tens of milliseconds
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const data = openDataDir({ dataDir, env: process.env });
const services = await createAppServices(data, { host: 'browser', isDemo: false, version: 'scale-bench', startScheduler: false, watchUsb: false });
const host = await startBrowserHost({ services, staticDir: RENDERER_DIST, port: 0 });
process.stdout.write(`ready in ${(performance.now() - started).toFixed(0)} ms\n${host.url}\n`);

const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'stall') {
    // the histogram's values include the 1 ms resolution itself
    reply({ stallMs: Math.max(0, delay.max / 1e6 - 1) });
    delay.reset();
  } else if (line === 'memory') {
    global.gc?.();
    reply({ rssMb: process.memoryUsage().rss / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024 });
  } else if (line === 'stop') {
    break;
  }
}
await host.close();
await services.dispose();
process.exit(0);
