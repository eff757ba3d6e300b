import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isAppError, type ErrorCode } from '../../../schemas/errors';
import type { Modality } from '../../../schemas/sbi';
import type { SbiClient } from '../../../native/sbi/SbiClient';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import type { SimFault } from '../../sims/sbi/simFaults';
import { SIM_FAULTS } from '../../sims/sbi/simFaults';
import type { SimDeviceKind } from '../../sims/sbi/simDevices';
import { clientFor, rawCall, startSimulator } from './sbiTestKit';

/**
 * The client side of the conformance suite: every simulator fault is rejected with its own error
 * code, on the capture cases of CTK (SBI1002 left slap, SBI1009 double iris, SBI1012 face), and
 * no rejected capture is returned.
 */

const FAULT_CODES: Readonly<Record<SimFault, ErrorCode>> = {
  badSignature: 'ERR_SBI_SIGNATURE_INVALID',
  expiredCert: 'ERR_SBI_CERT_EXPIRED',
  notYetValidCert: 'ERR_SBI_CERT_EXPIRED',
  untrustedCert: 'ERR_SBI_CERT_UNTRUSTED',
  digitalIdBadSignature: 'ERR_SBI_DIGITAL_ID_INVALID',
  digitalIdMismatch: 'ERR_SBI_DIGITAL_ID_MISMATCH',
  wrongTransactionId: 'ERR_SBI_TRANSACTION_ID_MISMATCH',
  wrongSpecVersion: 'ERR_SBI_SPEC_VERSION_MISMATCH',
  staleTimestamp: 'ERR_SBI_TIMESTAMP_OUT_OF_WINDOW',
  timestampFormat: 'ERR_SBI_TIMESTAMP_FORMAT',
  brokenHashChain: 'ERR_SBI_HASH_CHAIN_BROKEN',
  paddedBase64: 'ERR_SBI_BIOVALUE_NOT_CANONICAL',
  wrongBioSubType: 'ERR_SBI_BIO_SUBTYPE_UNEXPECTED',
  duplicateBioSubType: 'ERR_SBI_BIO_SUBTYPE_DUPLICATE',
  wrongElementCount: 'ERR_SBI_ELEMENT_COUNT',
  nonNumericQuality: 'ERR_SBI_QUALITY_INVALID',
  pngImage: 'ERR_SBI_IMAGE_FORMAT',
  mislabelledImage: 'ERR_SBI_IMAGE_FORMAT',
  hang: 'ERR_SBI_TIMEOUT',
  connectionReset: 'ERR_SBI_CONNECTION_RESET',
  malformedJson: 'ERR_SBI_MALFORMED_RESPONSE',
  flood: 'ERR_SBI_RESPONSE_TOO_LARGE',
  floodFrame: 'ERR_SBI_STREAM_FRAME_TOO_LARGE',
};

const CASES: readonly (readonly [string, Modality, SimDeviceKind])[] = [
  ['SBI1002', 'left-slap', 'finger'],
  ['SBI1009', 'iris', 'iris'],
  ['SBI1012', 'face', 'face'],
];

/** Faults that need more than one element, so they do not apply to face. */
const MULTI_ELEMENT: readonly SimFault[] = ['wrongBioSubType', 'duplicateBioSubType'];
/** Faults of the preview stream's framing, tested on STREAM below. */
const STREAM_ONLY: readonly SimFault[] = ['floodFrame'];

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(isAppError(err), `expected an AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

describe('SbiClient against simulator faults', () => {
  let simulator: SbiSimulator;
  let client: SbiClient;

  beforeEach(async () => {
    simulator = await startSimulator();
    client = clientFor(simulator, { infoTimeoutMs: 400, captureTimeoutMs: 1500, captureSlackMs: 300 });
    await client.discover();
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('has a distinct code for every fault except the two certificate-date faults and the two image-format faults', () => {
    const byCode = new Map<ErrorCode, SimFault[]>();
    for (const [fault, code] of Object.entries(FAULT_CODES) as [SimFault, ErrorCode][]) byCode.set(code, [...(byCode.get(code) ?? []), fault]);
    const shared = [...byCode.values()].filter((faults) => faults.length > 1).map((faults) => faults.sort().join('+')).sort();
    assert.deepEqual(shared, ['expiredCert+notYetValidCert', 'mislabelledImage+pngImage']);
    assert.deepEqual(Object.keys(FAULT_CODES).sort(), [...SIM_FAULTS].sort());
  });

  for (const [ctkId, modality, kind] of CASES) {
    it(`${ctkId} accepts a clean ${modality} capture`, async () => {
      const result = await client.capture({ modality, previousHash: '' });
      assert.equal(result.modality, modality);
      assert.deepEqual(result.warnings, []);
    });
    for (const fault of SIM_FAULTS) {
      if ((kind === 'face' && MULTI_ELEMENT.includes(fault)) || STREAM_ONLY.includes(fault)) continue;
      it(`${ctkId} rejects ${fault} on ${modality} with ${FAULT_CODES[fault]}`, async () => {
        simulator.setFault(kind, fault, ['RCAPTURE']);
        await expectCode(client.capture({ modality }), FAULT_CODES[fault]);
      });
    }
  }

  it('SBI1001 drops a device whose info is signed by an untrusted CA and reports why', async () => {
    simulator.setFault('iris', 'untrustedCert', ['MOSIPDINFO']);
    const result = await client.discover();
    assert.deepEqual(result.devices.map((d) => d.digitalId.type).sort(), ['Face', 'Finger']);
    assert.deepEqual(result.rejected.map((r) => [r.port, r.code]), [[simulator.device('iris').port, 'ERR_SBI_CERT_UNTRUSTED']]);
  });

  for (const [fault, code] of [['badSignature', 'ERR_SBI_SIGNATURE_INVALID'], ['expiredCert', 'ERR_SBI_CERT_EXPIRED'], ['digitalIdBadSignature', 'ERR_SBI_DIGITAL_ID_INVALID'], ['malformedJson', 'ERR_SBI_MALFORMED_RESPONSE'], ['hang', 'ERR_SBI_TIMEOUT'], ['connectionReset', 'ERR_SBI_CONNECTION_RESET'], ['flood', 'ERR_SBI_RESPONSE_TOO_LARGE']] as const) {
    it(`SBI1001 rejects device info with ${fault} as ${code}`, async () => {
      simulator.setFault('face', fault, ['MOSIPDINFO']);
      const result = await client.discover();
      assert.deepEqual(result.rejected.map((r) => r.code), [code]);
      assert.equal(result.devices.length, 2);
    });
  }

  for (const [ctkId, status, code] of [['SBI1027', 'Busy', 'ERR_SBI_DEVICE_BUSY'], ['SBI1028', 'Not Ready', 'ERR_SBI_DEVICE_NOT_READY'], ['SBI1029', 'Not Registered', 'ERR_SBI_DEVICE_NOT_REGISTERED']] as const) {
    it(`${ctkId} maps status ${status} to an operator-readable state`, async () => {
      await rawCall(simulator.device('finger').port, 'POST', '/admin/status', { type: 'Finger', deviceStatus: status });
      const result = await client.discover();
      if (status === 'Not Registered') {
        assert.deepEqual(result.rejected.map((r) => r.code), ['ERR_SBI_DEVICE_NOT_REGISTERED']);
        await expectCode(client.capture({ modality: 'left-slap' }), 'ERR_SBI_NO_DEVICE');
      } else {
        assert.equal(result.devices.find((d) => d.digitalId.type === 'Finger')?.state, status === 'Busy' ? 'busy' : 'notReady');
        await expectCode(client.capture({ modality: 'left-slap' }), code as ErrorCode);
      }
    });
  }

  it('re-checks status before capturing and refuses a device that went Not Ready since discovery', async () => {
    simulator.device('face').status = 'Not Ready';
    await expectCode(client.capture({ modality: 'face' }), 'ERR_SBI_DEVICE_NOT_READY');
  });

  it('stops a preview whose frame declares a terabyte, reading no more than a frame may hold', async () => {
    simulator.setFault('face', 'floodFrame', ['STREAM']);
    const frames = client.stream({ modality: 'face', timeoutMs: 10_000 });
    await expectCode(frames.next(), 'ERR_SBI_STREAM_FRAME_TOO_LARGE');
  });

  it('SBI1074 captures while its own preview runs, and the capture ends the stream', async () => {
    const frames = client.stream({ modality: 'face', timeoutMs: 10_000 });
    const first = await frames.next();
    assert.equal(first.done, false);
    const result = await client.capture({ modality: 'face' });
    assert.equal(result.biometrics.length, 1);
    await frames.return(undefined);
    assert.equal((await client.discover()).devices.find((d) => d.digitalId.type === 'Face')?.state, 'ready');
  });

  it('re-discovers once when the device service moved to another port', async () => {
    const moved = await startSimulator({ devices: ['face'] });
    try {
      const roaming = clientFor(simulator, { ports: [...simulator.ports, ...moved.ports] });
      await roaming.discover();
      await simulator.close();
      const result = await roaming.capture({ modality: 'face' });
      assert.equal(result.biometrics.length, 1);
    } finally {
      await moved.close();
    }
  });

  it('checks the timestamp window against the injected clock (default ±5 min, configurable)', async () => {
    const ahead = () => Date.now() + 10 * 60_000;
    const strict = clientFor(simulator, { now: ahead });
    await strict.discover();
    await expectCode(strict.capture({ modality: 'face' }), 'ERR_SBI_TIMESTAMP_OUT_OF_WINDOW');
    const wide = clientFor(simulator, { now: ahead, timestampWindowMs: 15 * 60_000 });
    await wide.discover();
    assert.equal((await wide.capture({ modality: 'face' })).biometrics.length, 1);
  });

  it('reports a refused preview (device Not Ready, 607) as ERR_SBI_DEVICE_ERROR', async () => {
    const device = client.devices.find((d) => d.digitalId.type === 'Face');
    simulator.device('face').status = 'Not Ready';
    await assert.rejects(
      async () => {
        for await (const frame of client.stream({ modality: 'face', device, maxFrames: 1 })) assert.fail(`unexpected frame ${frame.index}`);
      },
      (err: unknown) => isAppError(err) && err.is('ERR_SBI_DEVICE_ERROR') && err.details.errorCode === '607',
    );
  });

  it('SBI1008 refuses to call the device when every thumb is excepted', async () => {
    await expectCode(client.capture({ modality: 'thumbs', exceptions: ['Left Thumb', 'Right Thumb'] }), 'ERR_SBI_NOTHING_TO_CAPTURE');
  });

  it('SBI1040 turns a device capture timeout (701) into ERR_SBI_DEVICE_ERROR', async () => {
    await rawCall(simulator.device('face').port, 'POST', '/admin/delay', { type: 'Face', delay: '5000', method: ['RCAPTURE'] });
    await assert.rejects(client.capture({ modality: 'face' }), (err: unknown) => isAppError(err) && err.is('ERR_SBI_DEVICE_ERROR') && err.details.errorCode === '701');
  });

  it('accepts a broken hash chain as a warning when hashChainPolicy is warn', async () => {
    const lenient = clientFor(simulator, { hashChainPolicy: 'warn' });
    await lenient.discover();
    simulator.setFault('finger', 'brokenHashChain', ['RCAPTURE']);
    const result = await lenient.capture({ modality: 'thumbs' });
    assert.equal(result.warnings.length, 2);
    assert.match(result.warnings[0] ?? '', /^ERR_SBI_HASH_CHAIN_BROKEN/);
  });

  it('chains captures: each request carries the previous lastHash and the result records it', async () => {
    const first = await client.capture({ modality: 'left-slap', previousHash: '' });
    const second = await client.capture({ modality: 'iris', previousHash: first.lastHash });
    assert.equal(second.biometrics[0]?.previousHash, first.lastHash);
    assert.equal(second.lastHash, second.biometrics[1]?.hash);
  });

  it('keeps the signed data and payload text exactly as received', async () => {
    const result = await client.capture({ modality: 'face' });
    const biometric = result.biometrics[0]!;
    assert.equal(Buffer.from(biometric.data.split('.')[1] ?? '', 'base64url').toString('utf8'), biometric.payloadText);
    assert.ok(biometric.payloadText.includes(`"bioValue":"${biometric.bioValue}"`));
  });
});
