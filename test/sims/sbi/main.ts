import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SbiSimulator } from './SbiSimulator';
import type { SimProfile } from './SimulatedDevice';

/**
 * `npm run sim:devices [-- --ports 4501-4600] [--profile spec|mockmds] [--ca-out FILE]`:
 * starts the finger slap, iris (double) and face devices on free ports, prints their ports and
 * where the device CA certificate was written, and runs until killed.
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const portsText = option('--ports') ?? '4501-4600';
const match = /^(\d+)-(\d+)$/.exec(portsText);
if (!match) {
  console.error(`--ports must look like 4501-4600, got ${portsText}`);
  process.exit(2);
}
const profile = (option('--profile') ?? 'spec') as SimProfile;
if (profile !== 'spec' && profile !== 'mockmds') {
  console.error('--profile must be spec or mockmds');
  process.exit(2);
}
const simulator = await SbiSimulator.start({ ports: { from: Number(match[1]), to: Number(match[2]) }, profile });
const caPath = option('--ca-out') ?? join(await mkdtemp(join(tmpdir(), 'sbi-sim-')), 'device-ca.pem');
await simulator.exportCaCertificate(caPath);
for (const device of simulator.devices.values()) {
  const d = device.definition;
  console.log(`${d.kind.padEnd(6)} ${d.type}/${d.deviceSubType} deviceId=${d.deviceId} serial=${d.serialNo} http://127.0.0.1:${device.port}/`);
}
console.log(`profile: ${profile}`);
console.log(`device CA certificate: ${caPath}`);
console.log(`try: npm run cli -- devices list --trust-ca ${caPath} --ports ${portsText}`);
const shutdown = async () => {
  await simulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
