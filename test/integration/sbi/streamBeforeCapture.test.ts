import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sbiOpenStream } from '../../oracles/sbiOracle';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { startSimulator } from './sbiTestKit';

/**
 * A fresh simulator streams before it has captured anything: the live preview is JPEG and must not
 * need the JPEG 2000 encoder, which a device loads at its first capture. Its own file, so that no
 * earlier test in the same process has loaded the encoder already.
 */
describe('simulator live preview before any capture', () => {
  let simulator: SbiSimulator;
  before(async () => {
    simulator = await startSimulator();
  });
  after(async () => {
    await simulator.close();
  });

  for (const [kind, deviceId, deviceSubId] of [['face', '3', '0'], ['finger', '2', '1'], ['iris', '1', '3']] as const) {
    it(`streams ${kind} JPEG frames first thing`, async () => {
      const { response, close } = await sbiOpenStream(simulator.device(kind).port, { deviceId, deviceSubId, timeout: '10000' });
      try {
        assert.equal(response.statusCode, 200);
        let received = Buffer.alloc(0);
        for await (const chunk of response) {
          received = Buffer.concat([received, chunk as Buffer]);
          if (received.includes(Buffer.from([0xff, 0xd9]))) break;
        }
        assert.ok(received.includes(Buffer.from([0xff, 0xd8, 0xff])), 'a JPEG frame started');
      } finally {
        close();
      }
    });
  }
});
