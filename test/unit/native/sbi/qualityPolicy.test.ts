import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureWithQualityPolicy, decideAfterAttempt, DEFAULT_QUALITY_POLICY, thresholdFor, validateQualityPolicy } from '../../../../native/sbi/qualityPolicy';
import type { CaptureResult } from '../../../../schemas/sbi';

function attempts(...scores: number[]): { averageQuality: number }[] {
  return scores.map((averageQuality) => ({ averageQuality }));
}

/** A minimal typed capture result with a given mean quality. */
function result(averageQuality: number): CaptureResult {
  return { modality: 'iris', transactionId: `t${averageQuality}`, specVersion: '0.9.5', requestedScore: 60, exceptions: [], biometrics: [], averageQuality, lastHash: '', deviceSerialNo: 'S', warnings: [], capturedAt: 0 };
}

describe('qualityPolicy', () => {
  it('uses the incumbent defaults: 40 slaps, 60 iris, 90 face, no gate for the exception photo', () => {
    assert.deepEqual(['left-slap', 'thumbs', 'iris', 'face', 'exception-photo'].map((m) => thresholdFor(m as 'iris', DEFAULT_QUALITY_POLICY)), [40, 40, 60, 90, 0]);
  });

  it('accepts an attempt that reaches the threshold', () => {
    assert.deepEqual(decideAfterAttempt(attempts(30, 61), 'iris', DEFAULT_QUALITY_POLICY), { kind: 'accept', best: 1 });
  });

  it('retries while attempts remain', () => {
    assert.deepEqual(decideAfterAttempt(attempts(30, 50), 'iris', DEFAULT_QUALITY_POLICY), { kind: 'retry' });
  });

  it('force-captures the best attempt (earliest on a tie) after the last one', () => {
    assert.deepEqual(decideAfterAttempt(attempts(50, 55, 55), 'iris', DEFAULT_QUALITY_POLICY), { kind: 'forceCapture', best: 1 });
  });

  it('rejects a bad configuration with TypeError', () => {
    assert.throws(() => validateQualityPolicy({ thresholds: { finger: 101, iris: 60, face: 90 }, attempts: { finger: 3, iris: 3, face: 3 } }), TypeError);
    assert.throws(() => validateQualityPolicy({ thresholds: { finger: 40, iris: 60, face: 90 }, attempts: { finger: 0, iris: 3, face: 3 } }), TypeError);
  });

  it('runs attempts until force-capture and reports every score', async () => {
    const scores = [44, 58, 50];
    const outcome = await captureWithQualityPolicy('iris', DEFAULT_QUALITY_POLICY, async (attempt) => result(scores[attempt - 1]!));
    assert.deepEqual(
      { attempt: outcome.attempt, isForceCaptured: outcome.isForceCaptured, kept: outcome.result.averageQuality, attempts: outcome.attempts.map((a) => a.averageQuality) },
      { attempt: 2, isForceCaptured: true, kept: 58, attempts: [44, 58, 50] },
    );
  });
});
