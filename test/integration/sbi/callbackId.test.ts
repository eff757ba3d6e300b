import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callbackBaseUrl } from '../../../native/sbi/verifyDeviceInfo';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { clientFor, rawCall, startSimulator } from './sbiTestKit';

/**
 * MOSIP's client sends RCAPTURE and STREAM to `callbackId + "capture"` / `+ "stream"`
 * (registration-client MosipDeviceSpecification_095_ProviderImpl), so a device that advertises a
 * path serves them there and nowhere else.
 */
describe('SBI callbackId path', () => {
  let simulator: SbiSimulator;
  before(async () => {
    simulator = await startSimulator({ devices: ['face'], callbackPath: '/mds/' });
  });
  after(async () => {
    await simulator.close();
  });

  it('the simulator serves capture only under the advertised path', async () => {
    const port = simulator.device('face').port;
    assert.equal((await rawCall(port, 'RCAPTURE', '/capture', {})).status, 405);
  });

  it('captures and streams through the callbackId path', async () => {
    const client = clientFor(simulator);
    const { devices } = await client.discover();
    assert.deepEqual(devices.map((d) => d.baseUrl), [`http://127.0.0.1:${simulator.device('face').port}/mds/`]);
    const result = await client.capture({ modality: 'face', previousHash: '' });
    assert.equal(result.biometrics.length, 1);
    const frames = client.stream({ modality: 'face', timeoutMs: 10_000 });
    assert.equal((await frames.next()).done, false);
    await frames.return(undefined);
  });
});

describe('callbackBaseUrl', () => {
  for (const [why, callbackId, expected] of [
    ['keeps a loopback path, adding the final slash', 'http://127.0.0.1:4501/mds', 'http://127.0.0.1:4501/mds/'],
    ['takes localhost as loopback', 'http://localhost:4501/a/b/', 'http://127.0.0.1:4501/a/b/'],
    ['never follows another host', 'http://10.0.0.5:4501/mds/', 'http://127.0.0.1:4501/'],
    ['never follows another port', 'http://127.0.0.1:4600/mds/', 'http://127.0.0.1:4501/'],
    ['never follows https or a bad URL', 'not a url', 'http://127.0.0.1:4501/'],
  ] as const) {
    it(why, () => assert.equal(callbackBaseUrl(callbackId, 4501), expected));
  }
});
