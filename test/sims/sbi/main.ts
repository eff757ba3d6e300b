import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SbiSimulator } from './SbiSimulator';
import type { SimProfile } from './SimulatedDevice';

/**
 * `npm run sim:devices [-- --ports 4501-4600|0] [--profile spec|mockmds] [--ca-out FILE]`:
 * starts the finger slap, iris (double) and face devices on free ports of the range (0: ports the
 * OS assigns), prints their ports (`device ports: a,b,c`) and
 * where the device CA certificate was written, and runs until killed.
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const portsText = option('--ports') ?? '4501-4600';
const match = /^(\d+)-(\d+)$/.exec(portsText);
// `--ports 0`: ports the OS assigns, which no other process can hold, for tests running side by side.
if (!match && portsText !== '0') {
  console.error(`--ports must look like 4501-4600, or be 0 for ports the OS assigns, got ${portsText}`);
  process.exit(2);
}
const profile = (option('--profile') ?? 'spec') as SimProfile;
if (profile !== 'spec' && profile !== 'mockmds') {
  console.error('--profile must be spec or mockmds');
  process.exit(2);
}
const simulator = await SbiSimulator.start({ ports: match ? { from: Number(match[1]), to: Number(match[2]) } : 0, profile });
const caPath = option('--ca-out') ?? join(await mkdtemp(join(tmpdir(), 'sbi-sim-')), 'device-ca.pem');
await simulator.exportCaCertificate(caPath);
for (const device of simulator.devices.values()) {
  const d = device.definition;
  console.log(`${d.kind.padEnd(6)} ${d.type}/${d.deviceSubType} deviceId=${d.deviceId} serial=${d.serialNo} http://127.0.0.1:${device.port}/`);
}
console.log(`profile: ${profile}`);
console.log(`device ports: ${simulator.ports.join(',')}`);
console.log(`device CA certificate: ${caPath}`);
console.log(`try: npm run cli -- devices list --trust-ca ${caPath} --ports ${match ? portsText : `${Math.min(...simulator.ports)}-${Math.max(...simulator.ports)}`}`);
const shutdown = async () => {
  await simulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
