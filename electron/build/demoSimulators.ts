import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TRUST_DIR } from '../services/devices/DevicesService';

const ROOT = join(import.meta.dirname, '..', '..');

export interface DemoSimulators {
  readonly serverUrl: string;
  /** the ports the demo devices listen on */
  readonly devicePorts: readonly number[];
  stop(): Promise<void>;
}

/**
 * The demo's stand-ins for the country's server and the centre's devices: the MOSIP server
 * simulator (this machine registered, São Tomé's ID schema) and the SBI device simulator (its CA
 * written into the data dir's trust folder). Child processes, so the app talks to them over real
 * HTTP exactly as it would to the real ones.
 */
export async function startDemoSimulators(o: { dataDir: string; machinePublicKeyPem: string; sbiPorts: { from: number; to: number } | 0 }): Promise<DemoSimulators> {
  mkdirSync(join(o.dataDir, TRUST_DIR), { recursive: true });
  const server = await startChild(
    [join(ROOT, 'test/sims/mosip/main.ts'), '--port', '0', '--state-dir', join(o.dataDir, 'demo-server'), '--machine-public-key', o.machinePublicKeyPem, '--id-schema', join(ROOT, 'schemas/data/stp/idSchema.json')],
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
  const devices = await startChild(
    // 0: ports the OS assigns (tests running side by side cannot collide); else the first free of the range
    [join(ROOT, 'test/sims/sbi/main.ts'), '--ports', o.sbiPorts === 0 ? '0' : `${o.sbiPorts.from}-${o.sbiPorts.to}`, '--ca-out', join(o.dataDir, TRUST_DIR, 'demo-device-ca.pem')],
    /device CA certificate: (.+)$/m,
  );
  const listed = /^device ports: ([\d,]+)$/m.exec(devices.output)?.[1];
  if (!listed) throw new Error(`the device simulator did not print its ports:\n${devices.output}`);
  return {
    serverUrl: server.match,
    devicePorts: listed.split(',').map(Number),
    async stop() {
      await Promise.all([stopChild(server.child), stopChild(devices.child)]);
    },
  };
}

async function startChild(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: string; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const match = await new Promise<string>((resolvePromise, reject) => {
    // a hang guard: on a busy machine the simulators' key generation alone can take tens of seconds
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${args[0]}\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolvePromise(found[1]!.trim());
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${code}: ${args[0]}\n${output}`));
    });
  });
  return { child, match, output };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  child.kill('SIGTERM');
  await exited;
}
