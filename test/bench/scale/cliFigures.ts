import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SCALE_ENV } from '../../helpers/scaleDataDir';
import { median, type Figure } from './measure';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../dist/cli/regclient.cjs', import.meta.url));
const RUNS = 3;

/** One built-bin command, wall clock from spawn to exit, with its peak RSS from GNU time. */
async function cliFigure(what: string, args: readonly string[], dataDir: string): Promise<Figure & { peakRssMb: number }> {
  const times: number[] = [];
  let peakKb = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    // doctor exits 1 on a FAIL line (no server here is only a WARN): the figure is the time either way
    const out = await run('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args, '--data-dir', dataDir], { env: { ...process.env, ...SCALE_ENV }, maxBuffer: 1 << 28 }).catch((err: { stderr?: string }) => ({ stderr: err.stderr ?? '' }));
    times.push(performance.now() - t0);
    peakKb = Math.max(peakKb, Number(out.stderr.trim().split('\n').at(-1)));
  }
  return { what, ms: median(times), stallMs: null, peakRssMb: peakKb / 1024 };
}

/** `regclient packets list`, `audit verify` and `doctor` of the built bin (`npm run -s build:cli`). */
export async function cliFigures(dataDir: string): Promise<(Figure & { peakRssMb: number })[]> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: npm run -s build:cli`);
  return [
    await cliFigure('regclient packets list (built bin, whole process)', ['packets', 'list'], dataDir),
    await cliFigure('regclient audit verify (built bin, whole process)', ['audit', 'verify'], dataDir),
    await cliFigure('regclient doctor (built bin, whole process)', ['doctor'], dataDir),
  ];
}
