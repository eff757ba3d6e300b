import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { OutboxItem } from '../../../schemas/outbox';
import type { Page } from '../../../schemas/paging';
import { buildCli, CLI_BIN } from '../../../electron/build/buildAll';
import { openDataDir } from '../../../electron/host/openDataDir';
import { insertPacketWithJob } from '../../../electron/services/db/repos/packets';
import { AuthService } from '../../../electron/services/auth/AuthService';

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
      const auth = new AuthService({ db: data.db, audit: data.audit, clock: data.clock });
      await auth.createOperator({ userId: 'officer1', name: 'O', roles: ['REGISTRATION_OFFICER'], password: 'Officer#2026', language: 'por' }, null);
      await auth.createOperator({ userId: 'supervisor1', name: 'S', roles: ['REGISTRATION_SUPERVISOR'], password: 'Supervisor#2026', language: 'por' }, null);
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

  /** What a run of the bin loaded: the files `require` read, and Node's built-in modules. */
  async function loadedBy(args: readonly string[]): Promise<{ files: string[]; builtins: string[] }> {
    const hook = join(dir, 'record-loads.cjs');
    const out = join(dir, `loads-${args.join('-').replace(/[^a-z-]/g, '')}.json`);
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ files: Object.keys(require('node:module')._cache), builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)) })));`);
    await run(process.execPath, ['--require', hook, CLI_BIN, ...args], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' } });
    const loads = JSON.parse(readFileSync(out, 'utf8')) as { files: string[]; builtins: string[] };
    return { files: loads.files.filter((f) => f !== hook && f !== CLI_BIN).map((f) => f.replace(`${ROOT}/`, '')), builtins: loads.builtins };
  }

  it('starts packets list with only what it uses: from node_modules the SQLite addon alone, no child_process (issue 14)', async () => {
    const { files, builtins } = await loadedBy(['packets', 'list', '--data-dir', dataDir]);
    assert.deepEqual(files, ['node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node']);
    assert.ok(!builtins.includes('child_process'), 'the keyring bus check loads child_process at first use');
    // help loads every command area; the PDF, image and cron-description libraries still wait for a receipt or a schedule
    const help = await loadedBy(['--help']);
    assert.deepEqual(help.files.filter((f) => /node_modules\/(pdf-lib|@pdf-lib|qrcode|bidi-js|jpeg-js|pngjs)\//.test(f)), []);
  });

  it('exits 3 with the catalogue error on a missing data dir, its sentence from the error texts beside the bundle, in the locale\'s language', async () => {
    const nope = join(dir, 'nope');
    await assert.rejects(run(process.execPath, [CLI_BIN, 'packets', 'list', '--json', '--data-dir', nope], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '' } }), (err: { code: number; stdout: string; stderr: string }) => {
      assert.equal(err.code, 3);
      assert.equal((JSON.parse(err.stdout) as { error: { code: string } }).error.code, 'ERR_CLI_DATA_DIR_MISSING');
      assert.equal(err.stderr, `error ERR_CLI_DATA_DIR_MISSING: There is no regclient data folder at ${nope} (from --data-dir). Give the right folder with --data-dir, or set up this machine first with \`regclient operators add\` or \`regclient sync --initial\`.\n`);
      return true;
    });
    await assert.rejects(run(process.execPath, [CLI_BIN, 'packets', 'list', '--data-dir', nope], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', LANG: 'pt_ST.UTF-8' } }), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 3);
      assert.match(err.stderr, /^error ERR_CLI_DATA_DIR_MISSING: Não existe pasta de dados do regclient em /);
      return true;
    });
  });

  it('decides through the app\'s Router in the bundle: an officer is refused by role, a supervisor approves', async () => {
    const env = (password: string) => ({ PATH: process.env['PATH'] ?? '', REGCLIENT_PASSWORD: password });
    await assert.rejects(run(process.execPath, [CLI_BIN, 'packets', 'approve', RID, '--user', 'officer1', '--json', '--data-dir', dataDir], { cwd: dir, env: env('Officer#2026') }), (err: { code: number; stdout: string }) => {
      assert.equal(err.code, 1);
      assert.deepEqual((JSON.parse(err.stdout) as { error: { code: string; details: unknown } }).error, { code: 'ERR_AUTH_FORBIDDEN', message: 'operator role does not allow this action', details: { method: 'packets.approve', requiredRoles: ['REGISTRATION_SUPERVISOR'] } });
      return true;
    });
    const { stdout } = await run(process.execPath, [CLI_BIN, 'packets', 'approve', RID, '--user', 'supervisor1', '--json', '--data-dir', dataDir], { cwd: dir, env: env('Supervisor#2026') });
    assert.deepEqual((JSON.parse(stdout) as OutboxItem[]).map((i) => [i.rid, i.supervisorStatus]), [[RID, 'APPROVED']]);
  });

  describe('code cache (binLauncher.ts)', () => {
    const cacheDir = (tmp: string): string => join(tmp, `regclient-code-cache-${process.getuid?.() ?? 'user'}`);
    const listJson = async (tmp: string): Promise<OutboxItem[]> => {
      const { stdout } = await run(process.execPath, [CLI_BIN, '--data-dir', dataDir, 'packets', 'list', '--json'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', TMPDIR: tmp } });
      return (JSON.parse(stdout) as { items: OutboxItem[] }).items;
    };

    it('writes one cache per command area, private to this user, and answers the same from it', async () => {
      const tmp = mkdtempSync(join(dir, 'tmp-'));
      const first = await listJson(tmp);
      const files = readdirSync(cacheDir(tmp));
      // named by the command word even after a global option and its value
      assert.equal(files.length, 1);
      assert.match(files[0]!, /^packets-\d+-\d+-v[\d.]+-\w+\.bin$/);
      assert.equal(statSync(cacheDir(tmp)).mode & 0o777, 0o700);
      assert.equal(statSync(join(cacheDir(tmp), files[0]!)).mode & 0o777, 0o600);
      assert.deepEqual(await listJson(tmp), first);
      await run(process.execPath, [CLI_BIN, '--version'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', TMPDIR: tmp } });
      assert.equal(readdirSync(cacheDir(tmp)).length, 2);
    });

    it('replaces a damaged cache, and never uses a folder others can write', async () => {
      const tmp = mkdtempSync(join(dir, 'tmp-'));
      await listJson(tmp);
      const [file] = readdirSync(cacheDir(tmp));
      const path = join(cacheDir(tmp), file!);
      writeFileSync(path, randomBytes(4096));
      assert.equal((await listJson(tmp))[0]?.rid, RID);
      assert.notEqual(statSync(path).size, 4096, 'V8 rejected the damaged cache and a new one was written');

      const shared = mkdtempSync(join(dir, 'tmp-'));
      mkdirSync(cacheDir(shared));
      chmodSync(cacheDir(shared), 0o777);
      assert.equal((await listJson(shared))[0]?.rid, RID);
      assert.deepEqual(readdirSync(cacheDir(shared)), []);
    });
  });
});
