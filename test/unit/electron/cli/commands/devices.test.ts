import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { devicesCommands } from '../../../../../electron/cli/commands/devices';
import { runCli } from '../../../../../electron/cli/runCli';
import type { SbiSimulator } from '../../../../sims/sbi/SbiSimulator';
import { startSimulator } from '../../../../integration/sbi/sbiTestKit';

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

describe('regclient devices', () => {
  let simulator: SbiSimulator;
  let dir: string;
  let caPath: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'devices-cli-'));
    caPath = join(dir, 'ca.pem');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    simulator = await startSimulator();
    await writeFile(caPath, simulator.pki.deviceCaPem);
  });
  afterEach(async () => {
    await simulator.close();
  });

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const stdout = sink();
    const stderr = sink();
    const code = await runCli([...args, '--data-dir', dir, '--trust-ca', caPath, '--ports', simulator.ports.join(',')], devicesCommands, { env: {}, stdout, stderr });
    return { code, out: stdout.text(), err: stderr.text() };
  }

  it('lists the three simulated devices as JSON', async () => {
    const { code, out } = await cli('devices', 'list', '--json');
    assert.equal(code, 0);
    const result = JSON.parse(out) as { devices: { digitalId: { type: string }; state: string }[] };
    assert.deepEqual(result.devices.map((d) => [d.digitalId.type, d.state]).sort(), [['Face', 'ready'], ['Finger', 'ready'], ['Iris', 'ready']]);
  });

  it('captures a left slap with an exception', async () => {
    const { code, out } = await cli('devices', 'capture', '--modality', 'left-slap', '--exception', 'left-ring', '--json');
    assert.equal(code, 0);
    const outcome = JSON.parse(out) as { result: { exceptions: string[]; biometrics: { bioSubType: string }[] }; isForceCaptured: boolean };
    assert.deepEqual(outcome.result.exceptions, ['Left RingFinger']);
    assert.deepEqual(outcome.result.biometrics.map((b) => b.bioSubType), ['Left IndexFinger', 'Left MiddleFinger', 'Left LittleFinger']);
    assert.equal(outcome.isForceCaptured, false);
  });

  it('on a terminal (stderr is a TTY) says what is awaited and the capture timeout; not in a log', async () => {
    const args = ['devices', 'capture', '--modality', 'left-slap', '--data-dir', dir, '--trust-ca', caPath, '--ports', simulator.ports.join(',')];
    const terminal = Object.assign(sink(), { isTTY: true });
    assert.equal(await runCli(args, devicesCommands, { env: {}, stdout: sink(), stderr: terminal }), 0);
    assert.equal(terminal.text(), 'capturing left-slap: present it to the device now (each attempt times out after 10 s)\n');
    const log = sink();
    assert.equal(await runCli(args, devicesCommands, { env: {}, stdout: sink(), stderr: log }), 0);
    assert.equal(log.text(), '');
  });

  it('reports a device fault with its code and exit 1', async () => {
    simulator.setFault('iris', 'wrongTransactionId', ['RCAPTURE']);
    const { code, err } = await cli('devices', 'capture', '--modality', 'iris');
    assert.equal(code, 1);
    assert.match(err, /^error ERR_SBI_TRANSACTION_ID_MISMATCH/);
  });

  it('saves N stream frames as JPEG files', async () => {
    const out = join(dir, 'frames');
    const result = await cli('devices', 'stream', '--modality', 'face', '--frames', '3', '--out', out);
    assert.equal(result.code, 0);
    assert.deepEqual((await readdir(out)).sort(), ['frame-0000.jpg', 'frame-0001.jpg', 'frame-0002.jpg']);
  });

  it('refuses an unknown modality as a usage error', async () => {
    const { code } = await cli('devices', 'capture', '--modality', 'palm');
    assert.equal(code, 2);
  });

  it('exits 4 (no usable device) when every device is rejected, and says so', async () => {
    const stdout = sink();
    // no --trust-ca: every device certificate is untrusted
    const code = await runCli(['devices', 'list', '--data-dir', dir, '--ports', simulator.ports.join(',')], devicesCommands, { env: {}, stdout, stderr: sink() });
    assert.equal(code, 4, stdout.text());
    assert.equal((stdout.text().match(/rejected: ERR_SBI_CERT_UNTRUSTED/g) ?? []).length, simulator.ports.length);
    assert.match(stdout.text(), /^no usable device \(exit 4\)/m);
    const json = await runCli(['devices', 'list', '--json', '--data-dir', dir, '--ports', simulator.ports.join(',')], devicesCommands, { env: {}, stdout: sink(), stderr: sink() });
    assert.equal(json, 4);
  });

  it('exits 4 when no device service answers', async () => {
    // a port the OS gave out and nobody listens on any more
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const stdout = sink();
    const code = await runCli(['devices', 'list', '--data-dir', dir, '--trust-ca', caPath, '--ports', `${port}-${port}`], devicesCommands, { env: {}, stdout, stderr: sink() });
    assert.equal(code, 4, stdout.text());
    assert.match(stdout.text(), /no device service answered/);
  });
});
