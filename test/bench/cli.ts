/**
 * `npm run bench -- cli [--packets 1000] [--runs 5]`: how long one `regclient packets list` takes
 * on a data dir of N packets, as the built bin (dist/cli/regclient.cjs, built first if missing)
 * and as `node --import tsx electron/cli/regclient.ts` (what `npm run cli` runs). Prints the median
 * and the fastest run of each, beside bare `node -e 0` timed the same way and the load average, so
 * a figure taken on a busy or slow machine reads as such; a figure, not a test.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { buildCli, CLI_BIN } from '../../electron/build/buildAll';
import { openDataDir } from '../../electron/host/openDataDir';
import { insertPacketWithJob } from '../../electron/services/db/repos/packets';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** A data dir whose outbox holds `count` packet rows (files are not needed to list them). */
function seed(dataDir: string, count: number): void {
  const data = openDataDir({ dataDir, env: {} });
  try {
    const now = data.clock.now();
    data.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const rid = `1000110002${String(i + 1).padStart(5, '0')}20261202093000`;
        insertPacketWithJob(data.db, { packet_id: `${rid}-p`, rid, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${rid}-p.zip`, size: 1, sha256: '0'.repeat(64), status: 'CREATED', meta: '{}', created_at: now + i });
      }
    })();
  } finally {
    data.close();
  }
}

async function timeRuns(args: readonly string[], runs: number, expectLine: string): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const { stdout } = await run(process.execPath, [...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!stdout.includes(expectLine)) throw new Error(`unexpected output: ${stdout.slice(-200)}`);
  }
  return ms.sort((a, b) => a - b);
}

export default async function cliBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { packets: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } } });
  const count = Number(values.packets);
  const runs = Number(values.runs);
  if (!existsSync(CLI_BIN)) await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const dataDir = join(dir, 'client');
    seed(dataDir, count);
    const expect = `${count} packet(s)`;
    const fmt = (ms: number[]): string => `median ${ms[Math.floor(ms.length / 2)]!.toFixed(0)} ms, fastest ${ms[0]!.toFixed(0)} ms`;
    const bin = await timeRuns([CLI_BIN, 'packets', 'list', '--data-dir', dataDir], runs, expect);
    const bare = await timeRuns(['-e', 'console.log(process.argv[1])', expect], runs, expect);
    const tsx = await timeRuns(['--import', 'tsx', join(ROOT, 'electron', 'cli', 'regclient.ts'), 'packets', 'list', '--data-dir', dataDir], runs, expect);
    console.log(`regclient packets list, ${count} packets, ${runs} runs each (wall clock, process start to exit):`);
    console.log(`  node dist/cli/regclient.cjs         ${fmt(bin)}`);
    console.log(`  node --import tsx (npm run cli)     ${fmt(tsx)}`);
    console.log(`  bare node -e (Node's own start)     ${fmt(bare)}`);
    console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
