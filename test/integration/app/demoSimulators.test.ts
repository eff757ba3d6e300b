import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startDemoSimulators, type DemoSimulators } from '../../../electron/build/demoSimulators';
import { sbiCall } from '../../../native/sbi/sbiTransport';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * `npm start -- --sbi-ports 0` (what the e2e tests use): the device simulator takes ports the OS
 * assigns, and the ports handed to the client must be exactly where its devices answer.
 */
describe('demo simulators with device ports the OS assigns', () => {
  const dir = makeTempDir('demo-sims-');
  let sims: DemoSimulators | undefined;
  after(async () => {
    await sims?.stop();
    dir.remove();
  });

  it('report the three ports their devices answer MOSIPDINFO on', async () => {
    const pem = join(dir.path, 'machine.pub.pem');
    writeFileSync(pem, generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }));
    sims = await startDemoSimulators({ dataDir: dir.path, machinePublicKeyPem: pem, sbiPorts: 0 });
    assert.equal(new Set(sims.devicePorts).size, 3, `three devices, three ports: ${sims.devicePorts.join(',')}`);
    for (const port of sims.devicePorts) {
      // the deadline only guards a hang: a simulator answers at once
      const answer = await sbiCall({ port, method: 'MOSIPDINFO', path: '/info', body: '', timeoutMs: 60_000 });
      assert.equal(answer.status, 200, `port ${port}`);
      const info = JSON.parse(answer.body.toString('utf8')) as { deviceInfo: string; error: { errorCode: string } }[];
      assert.equal(info.length, 1, `one device per port (${port})`);
      assert.equal(info[0]?.error.errorCode, '0', `port ${port}`);
    }
  });
});
