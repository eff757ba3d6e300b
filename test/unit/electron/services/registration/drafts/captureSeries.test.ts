import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CapturedBiometric, CaptureResult, FingerSubType } from '../../../../../../schemas/sbi';
import { DEFAULT_QUALITY_POLICY } from '../../../../../../native/sbi/qualityPolicy';
import { capturedAttributes, exceptedAttributes, historyOf, keptIndexOf, packetCaptures, seriesOf } from '../../../../../../electron/services/registration/drafts/captureSeries';

const iso = Buffer.from('FIR\x00020\x00synthetic', 'latin1');

function finger(subType: FingerSubType, quality: number): CapturedBiometric {
  return {
    bioType: 'Finger', bioSubType: subType, data: 'aGVhZA.cGF5bG9hZA.c2ln', payloadText: '{}', bioValue: iso.toString('base64url'),
    qualityScoreText: String(quality), qualityScore: quality, requestedScore: '40', timestamp: '2026-11-22T09:00:00Z', transactionId: 't',
    digitalId: 'd', digitalIdDecoded: { serialNo: 'S1', make: 'M', model: 'X', type: 'Finger', deviceSubType: 'Slap', deviceProvider: 'P', deviceProviderId: 'P1', dateTime: '2026-11-22T09:00:00Z' },
    deviceCode: 'S1', deviceServiceVersion: '0.9.5', purpose: 'Registration', env: 'Developer', specVersion: '0.9.5', previousHash: '', hash: 'A'.repeat(64),
  };
}

function attempt(quality: number, exceptions: CaptureResult['exceptions'] = []): CaptureResult {
  const biometrics = (['Right IndexFinger', 'Right MiddleFinger'] as const).map((s) => finger(s, quality));
  return { modality: 'right-slap', transactionId: 't', specVersion: '0.9.5', requestedScore: 40, exceptions, biometrics, averageQuality: quality, lastHash: 'A'.repeat(64), deviceSerialNo: 'S1', warnings: [], capturedAt: 1 };
}

describe('captureSeries', () => {
  it('keeps the best attempt, the later one on a tie (MOSIP RegistrationDTO)', () => {
    assert.equal(keptIndexOf([{ averageQuality: 30 }, { averageQuality: 50 }, { averageQuality: 50 }]), 2);
    assert.equal(keptIndexOf([{ averageQuality: 95 }, { averageQuality: 91 }]), 0);
  });

  it('retries below the threshold, accepts once reached, force-captures the best after the last attempt', () => {
    const policy = DEFAULT_QUALITY_POLICY;
    assert.deepEqual(pick(seriesOf('f', 'right-slap', [attempt(30)], policy)), ['retry', 0]);
    assert.deepEqual(pick(seriesOf('f', 'right-slap', [attempt(30), attempt(45)], policy)), ['accepted', 1]);
    assert.deepEqual(pick(seriesOf('f', 'right-slap', [attempt(95), attempt(20)], policy)), ['accepted', 0]);
    assert.deepEqual(pick(seriesOf('f', 'right-slap', [attempt(30), attempt(35), attempt(20)], policy)), ['forceCaptured', 1]);
  });

  it('puts only final series in the draft and the packet, with retries and the force-capture flag', () => {
    const policy = DEFAULT_QUALITY_POLICY;
    const retrying = seriesOf('f', 'right-slap', [attempt(30)], policy);
    assert.deepEqual(capturedAttributes(retrying), []);
    const forced = seriesOf('f', 'right-slap', [attempt(30, ['Right LittleFinger']), attempt(35, ['Right LittleFinger']), attempt(20, ['Right LittleFinger'])], policy);
    assert.deepEqual(capturedAttributes(forced), ['rightIndex', 'rightMiddle']);
    assert.deepEqual(exceptedAttributes(forced), ['rightLittle']);
    assert.deepEqual(packetCaptures(forced).map((c) => [c.attribute, c.qualityScore, c.retries, c.forceCaptured]), [['rightIndex', 35, 3, true], ['rightMiddle', 35, 3, true]]);
    assert.equal(packetCaptures(forced)[0]!.iso, iso.toString('base64'));
  });

  it('lists every attempt for the tiles, marking the kept one (best, latest on a tie)', () => {
    const policy = DEFAULT_QUALITY_POLICY;
    assert.deepEqual(historyOf(seriesOf('f', 'right-slap', [attempt(30), attempt(35), attempt(20)], policy)), [
      { attempt: 1, averageQuality: 30, kept: false }, { attempt: 2, averageQuality: 35, kept: true }, { attempt: 3, averageQuality: 20, kept: false },
    ]);
    assert.deepEqual(historyOf(seriesOf('f', 'right-slap', [attempt(35), attempt(35)], policy)).map((h) => h.kept), [false, true]);
    assert.deepEqual(historyOf(seriesOf('f', 'right-slap', [attempt(50)], policy)), [{ attempt: 1, averageQuality: 50, kept: true }]);
  });

  it('accepts a modality marked missing as a whole (no biometrics) at once', () => {
    const none: CaptureResult = { ...attempt(0, ['Left', 'Right']), modality: 'iris', biometrics: [] };
    const series = seriesOf('f', 'iris', [none], DEFAULT_QUALITY_POLICY);
    assert.equal(series.decision, 'accepted');
    assert.deepEqual([capturedAttributes(series), exceptedAttributes(series), packetCaptures(series)], [[], ['leftEye', 'rightEye'], []]);
  });
});

function pick(s: { decision: string; keptIndex: number }): [string, number] {
  return [s.decision, s.keptIndex];
}
