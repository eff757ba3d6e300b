import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../../../schemas/errors';
import { PacketBuildResult } from '../../../../../schemas/packet';
import type { CliContext } from '../../../../../electron/cli/CliCommand';
import { packetCommands } from '../../../../../electron/cli/commands/packet';
import { parseIdSchema, validateRegistration } from '../../../../../electron/services/packets/registrationValidator';
import { SAMPLE_ID_SCHEMA } from '../../../../../schemas/registrationSampleIdSchema';
import { makeTestPki } from '../../../../helpers/packetKeys';
import { openDataDir } from '../../../../../electron/host/openDataDir';

const pki = makeTestPki(Date.now());

function command(name: string) {
  return packetCommands.find((c) => c.words.join(' ') === `packet ${name}`)!;
}

/** Runs a command with PassThrough streams; returns exit code and stdout. */
async function run(name: string, args: string[], dataDir: string): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const ctx: CliContext = { dataDir, serverUrl: undefined, env: {}, stdout, stderr: new PassThrough(), isTTY: false };
  const code = await command(name).run(args, ctx);
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

const rejectsWith = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

describe('packet CLI commands', () => {
  let dir: string;
  let input: string;
  const f = (name: string) => join(dir, name);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'packet-cli-'));
    await writeFile(f('reg.crt'), pki.regCertPem);
    await writeFile(f('reg.key'), pki.regKeyPem);
    await writeFile(f('m.key'), pki.machineKeyPem);
    await writeFile(f('m.crt'), pki.machineCertPem);
    input = f('in.json');
    await writeFile(input, (await run('sample-input', [], f('data'))).out);
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('sample-input prints a registration that validates against the ID schema', async () => {
    const parsed = validateRegistration(JSON.parse(await readFile(input, 'utf8')), parseIdSchema(SAMPLE_ID_SCHEMA));
    assert.deepEqual(parsed.langCodes, ['por', 'eng']);
    assert.equal(parsed.biometrics.individualBiometrics?.captures.length, 12);
    assert.equal(parsed.biometrics.individualBiometrics?.exceptions.length, 1);
    assert.deepEqual(Object.keys(parsed.documents).sort(), ['proofOfAddress', 'proofOfException', 'proofOfIdentity']);
  });

  it('build (key flags) prints {rid, packetId, file, sha256, size} and inspect passes it', async () => {
    const { code, out } = await run('build', ['--input', input, '--out', f('out'), '--reg-cert', f('reg.crt'), '--machine-key', f('m.key'), '--centre', '10005', '--machine', '10006'], f('data'));
    assert.equal(code, 0);
    const result = PacketBuildResult.parse(JSON.parse(out));
    assert.match(result.packetId, /^1000510006\d{19}-10005_10006-\d{14}$/);
    assert.equal((await readFile(result.file)).length, result.size);
    const inspected = await run('inspect', ['--packet', result.file, '--reg-key', f('reg.key'), '--machine-cert', f('m.crt'), '--reg-cert', f('reg.crt')], f('data'));
    assert.equal(inspected.code, 0);
    assert.match(inspected.out, /passes all \d+ checks/);
    assert.doesNotMatch(inspected.out, /FAIL/);
  });

  it('inspect exits non-zero (ERR_PACKET_VERIFY_FAILED) on a tampered packet', async () => {
    const { out } = await run('build', ['--input', input, '--out', f('out2'), '--reg-cert', f('reg.crt'), '--machine-key', f('m.key')], f('data'));
    const { file } = PacketBuildResult.parse(JSON.parse(out));
    const bytes = await readFile(file);
    bytes[500] = bytes[500]! ^ 0xff;
    await writeFile(file, bytes);
    await assert.rejects(run('inspect', ['--packet', file, '--reg-key', f('reg.key')], f('data')), rejectsWith('ERR_PACKET_VERIFY_FAILED'));
    await assert.rejects(run('inspect', ['--packet', f('nope.zip'), '--reg-key', f('reg.key')], f('data')), rejectsWith('ERR_PACKET_NOT_FOUND'));
  });

  it('build rejects an over-limit packet before writing anything', async () => {
    await assert.rejects(
      run('build', ['--input', input, '--out', f('out3'), '--reg-cert', f('reg.crt'), '--machine-key', f('m.key'), '--max-bytes', '10000'], f('data')),
      rejectsWith('ERR_PACKET_TOO_LARGE'),
    );
    assert.deepEqual(await readdir(f('out3')).catch(() => []), []);
  });

  it('build without key flags needs the synced REGISTRATION certificate, then records the packet in the data dir', async () => {
    const dataDir = f('dd');
    await assert.rejects(run('build', ['--input', input], dataDir), rejectsWith('ERR_PACKET_REG_CERT_MISSING'));
    await mkdir(join(dataDir, 'certs'), { recursive: true });
    await writeFile(join(dataDir, 'certs', 'REGISTRATION.pem'), pki.regCertPem);
    // packet build is not a set-up command: it refuses a folder without a database instead of creating one
    await assert.rejects(run('build', ['--input', input], dataDir), rejectsWith('ERR_CLI_DATA_DIR_MISSING'));
    openDataDir({ dataDir, env: {} }).close();
    const { code, out } = await run('build', ['--input', input], dataDir);
    assert.equal(code, 0);
    const result = PacketBuildResult.parse(JSON.parse(out));
    assert.deepEqual(await readdir(join(dataDir, 'packets')), [`${result.packetId}.zip`]);
  });

  it('build rejects a missing machine key file', async () => {
    await assert.rejects(run('build', ['--input', input, '--out', f('o4'), '--reg-cert', f('reg.crt'), '--machine-key', f('none.pem')], f('data')), rejectsWith('ERR_PACKET_MACHINE_KEY_MISSING'));
  });
});
