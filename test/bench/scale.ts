/**
 * `npm run bench -- scale [--sizes 100,10000]`: issue 17's figures at 100 and at 10,000 packets,
 * side by side with the ratio. Each size is a private copy of a data dir seeded through the real
 * services (test/helpers/scaleDataDir.ts; cached per size and seed version in the temp folder, so
 * only the first run seeds). The screens are the contract calls each screen makes when it opens,
 * over the browser host's WebSocket and Router, with the host in its own process measuring its own
 * main-thread stalls (monitorEventLoopDelay); the cold start and login are in Chromium; the CLI is
 * the built bin; the EOD run is the outbox against a server that answers at once. Needs
 * `npm run -s build` (renderer and CLI).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE } from '../../electron/host/openDataDir';
import { copyScaleDataDir } from '../helpers/scaleDataDir';
import { residentName } from '../helpers/scale/residentName';
import { launchChromium } from '../e2e/helpers/startApp';
import { startBenchHost } from './scale/benchHost';
import { browserFigures } from './scale/browserFigures';
import { cliFigures } from './scale/cliFigures';
import { eodFigures } from './scale/eodFigures';
import type { Figure } from './scale/measure';
import type { Page } from '../../schemas/paging';
import { printTable, type SizeFigures } from './scale/printTable';
import { screenFigures } from './scale/screenFigures';

async function figuresAt(packets: number, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<SizeFigures> {
  const dir = await copyScaleDataDir(packets, (line) => console.log(line));
  try {
    const dbBytes = statSync(join(dir.path, DB_FILE)).size;
    const host = await startBenchHost(dir.path);
    const figures: Figure[] = [];
    let idle: { rssMb: number; peakRssMb: number };
    try {
      figures.push(...(await browserFigures(browser, host)));
      await host.call('auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' });
      const pending = (await host.call('packets.list', { state: 'PENDING', limit: 1 })) as Page<{ rid: string }>;
      const rid = pending.items[0]?.rid;
      if (rid === undefined) throw new Error(`the ${packets}-packet data dir has no PENDING packet to search for`);
      figures.push(...(await screenFigures(host, { rid: rid.slice(-12), name: residentName(packets - 7).split(' ').slice(0, 2).join(' ') })));
      idle = await host.memory();
    } finally {
      await host.stop();
    }
    const cli = await cliFigures(dir.path);
    figures.push(...cli, ...(await eodFigures(dir.path)));
    return { packets, figures, dbBytes, hostRssMb: idle.rssMb, hostPeakRssMb: idle.peakRssMb, cliPeakRssMb: Math.max(...cli.map((c) => c.peakRssMb)), seed: dir.seed };
  } finally {
    dir.remove();
  }
}

export default async function scaleBench(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { sizes: { type: 'string', default: '100,10000' } } });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must be positive integers, got ${values.sizes}`);
  const browser = await launchChromium();
  const results: SizeFigures[] = [];
  try {
    // once, unmeasured: tsx compiles the host's modules into its cache, which a built app has no need of
    const warm = await copyScaleDataDir(sizes[0]!, (line) => console.log(line));
    await (await startBenchHost(warm.path)).stop();
    warm.remove();
    for (const n of sizes) results.push(await figuresAt(n, browser));
  } finally {
    await browser.close();
  }
  printTable(results);
}
