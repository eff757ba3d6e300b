import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { toRegistrationCaptures } from '../../../native/sbi/toRegistrationCaptures';
import { RegistrationBiometricCapture } from '../../../schemas/registration';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { clientFor, startSimulator } from './sbiTestKit';

describe('toRegistrationCaptures', () => {
  let simulator: SbiSimulator;

  beforeEach(async () => {
    simulator = await startSimulator();
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('maps a right slap to packet-engine captures with the signed data and ISO bytes unchanged', async () => {
    const outcome = await clientFor(simulator).captureWithPolicy({ modality: 'right-slap' });
    const captures = toRegistrationCaptures(outcome).map((c) => RegistrationBiometricCapture.parse(c));
    assert.deepEqual(captures.map((c) => [c.attribute, c.bioSubType, c.retries, c.forceCaptured]), [
      ['rightIndex', 'Right IndexFinger', 1, false],
      ['rightMiddle', 'Right MiddleFinger', 1, false],
      ['rightRing', 'Right RingFinger', 1, false],
      ['rightLittle', 'Right LittleFinger', 1, false],
    ]);
    const first = outcome.result.biometrics[0]!;
    assert.equal(captures[0]!.signedData, first.data);
    assert.equal(Buffer.from(captures[0]!.iso, 'base64').toString('base64url'), first.bioValue);
    assert.equal(captures[0]!.device.digitalId.serialNo, 'SIMSLAP000000001');
  });

  it('maps the face to the face attribute with an empty bioSubType', async () => {
    const outcome = await clientFor(simulator).captureWithPolicy({ modality: 'face' });
    assert.deepEqual(toRegistrationCaptures(outcome).map((c) => [c.attribute, c.bioType, c.bioSubType]), [['face', 'Face', '']]);
  });
});
