import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { OutboxItem } from '../../../schemas/outbox';
import type { Page } from '../../../schemas/paging';
import { buildCli, CLI_BIN } from '../../../electron/build/buildAll';
import { openDataDir } from '../../../electron/host/openDataDir';
import { insertPacketWithJob } from '../../../electron/services/db/repos/packets';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const RID = '10001100020000120261202093000';

/** The built `regclient` bin (package.json "bin"): plain Node, no tsx, same answers as the source. */
describe('dist/cli/regclient.cjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bin-'));
  const dataDir = join(dir, 'client');

  before(async () => {
    await buildCli(); // always from the source under test: a stale bin would test old code
    const data = openDataDir({ dataDir, env: {} });
    try {
      const bytes = randomBytes(32);
      insertPacketWithJob(data.db, { packet_id: `${RID}-p`, rid: RID, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${RID}-p.zip`, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), status: 'CREATED', meta: '{}', created_at: data.clock.now() });
    } finally {
      data.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is the package.json "bin" and prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    assert.equal(join(ROOT, pkg.bin['regclient']!), CLI_BIN);
    const { stdout } = await run(process.execPath, [CLI_BIN, '--version', '--json'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' } });
    assert.deepEqual(JSON.parse(stdout), { version: pkg.version });
  });

  it('lists a temp data dir\'s packets as JSON (native SQLite loads from node_modules)', async () => {
    const { stdout } = await run(process.execPath, [CLI_BIN, 'packets', 'list', '--json', '--data-dir', dataDir], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' } });
    const page = JSON.parse(stdout) as Page<OutboxItem>;
    assert.deepEqual([page.items.map((i) => [i.rid, i.state]), page.total, page.nextCursor], [[[RID, 'PENDING']], 1, null]);
  });

  it('exits 3 with the catalogue error on a missing data dir', async () => {
    await assert.rejects(run(process.execPath, [CLI_BIN, 'packets', 'list', '--json', '--data-dir', join(dir, 'nope')], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '' } }), (err: { code: number; stdout: string }) => {
      assert.equal(err.code, 3);
      assert.equal((JSON.parse(err.stdout) as { error: { code: string } }).error.code, 'ERR_CLI_DATA_DIR_MISSING');
      return true;
    });
  });
});
