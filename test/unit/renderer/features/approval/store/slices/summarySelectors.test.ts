import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SummaryModality } from '../../../../../../../schemas/packetSummary';
import { isBelowThreshold, summarySelectors } from '../../../../../../../renderer/features/approval/store/slices/summary/selectors';

function modality(m: SummaryModality['modality'], threshold: number, scores: number[], o: Partial<SummaryModality> = {}): SummaryModality {
  return {
    fieldId: 'individualBiometrics', modality: m, threshold, averageQuality: 0, keptAttempt: 1, attemptsUsed: 1, isForceCaptured: false,
    attributes: scores.map((qualityScore, i) => ({ attribute: (['rightIndex', 'rightMiddle', 'rightRing', 'rightLittle'] as const)[i]!, qualityScore, thumbnail: null })),
    exceptions: [], ...o,
  };
}

describe('summarySelectors.flagsOf', () => {
  it('counts scores below their own modality threshold, force-captured modalities and exceptions', () => {
    const flags = summarySelectors.flagsOf([
      modality('right-slap', 40, [30, 40, 39.5], { isForceCaptured: true }),
      modality('iris', 70, [69, 90], { exceptions: ['leftEye'] }),
      modality('face', 30, [31]),
    ]);
    assert.deepEqual(flags, { belowThreshold: 3, forceCaptured: ['right-slap'], exceptions: 1 });
  });

  it('passes a score equal to the threshold (MOSIP compares with <)', () => {
    assert.deepEqual([isBelowThreshold({ threshold: 40 }, 40), isBelowThreshold({ threshold: 40 }, 39.9)], [false, true]);
    assert.deepEqual(summarySelectors.flagsOf([]), { belowThreshold: 0, forceCaptured: [], exceptions: 0 });
  });
});
