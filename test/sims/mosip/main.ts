import { createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MosipSimulator } from './MosipSimulator';
import { keyPaths, registerMachine } from './routes/admin';

/**
 * `npm run sim:server -- --port P --state-dir DIR [--seed] [--machine-public-key FILE]
 *   [--officer-password X] [--supervisor-password Y] [--id-schema FILE]` — prints the URL and where the test keys are.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'state-dir': { type: 'string' },
      seed: { type: 'boolean', default: false },
      'machine-public-key': { type: 'string' },
      'officer-password': { type: 'string' },
      'supervisor-password': { type: 'string' },
      'id-schema': { type: 'string' },
    },
  });
  const stateDir = resolve(values['state-dir'] ?? mkdtempSync(join(tmpdir(), 'mosip-sim-')));
  const sim = new MosipSimulator({
    stateDir,
    port: Number(values.port),
    seed: values.seed || !existsSync(join(stateDir, 'state.json')),
    officerPassword: values['officer-password'],
    supervisorPassword: values['supervisor-password'],
    ...(values['id-schema'] ? { idSchemaPath: resolve(values['id-schema']) } : {}),
  });
  if (values['machine-public-key']) {
    const text = readFileSync(values['machine-public-key'], 'utf8');
    const der = text.includes('BEGIN') ? createPublicKey(text).export({ type: 'spki', format: 'der' }) : Buffer.from(text.trim(), 'base64');
    registerMachine(sim, { centreId: '10001', machineId: '10002', publicKey: der.toString('base64') });
  }
  await sim.start();
  process.stdout.write(`MOSIP simulator listening on ${sim.url}\nstate: ${stateDir}\n`);
  for (const [name, path] of Object.entries(keyPaths(sim))) process.stdout.write(`${name}: ${path}\n`);
  const stop = () => void sim.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
