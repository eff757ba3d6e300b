import type { SummaryModality } from '../../../../../../schemas/packetSummary';
import type { ApprovalState } from '../../initialState';

/** What a supervisor must see at a glance in a summary's biometrics. */
export interface BiometricFlags {
  /** attributes whose score is below their modality's threshold */
  readonly belowThreshold: number;
  readonly forceCaptured: readonly SummaryModality['modality'][];
  readonly exceptions: number;
}

/** An attribute's score fails its modality's threshold (MOSIP compares with `<`: equal passes). */
export function isBelowThreshold(modality: Pick<SummaryModality, 'threshold'>, qualityScore: number): boolean {
  return qualityScore < modality.threshold;
}

function flagsOf(biometrics: readonly SummaryModality[]): BiometricFlags {
  return {
    belowThreshold: biometrics.reduce((n, m) => n + m.attributes.filter((a) => isBelowThreshold(m, a.qualityScore)).length, 0),
    forceCaptured: biometrics.filter((m) => m.isForceCaptured).map((m) => m.modality),
    exceptions: biometrics.reduce((n, m) => n + m.exceptions.length, 0),
  };
}

/** Named reads of the summary slice (STYLE rule 35). */
export const summarySelectors = {
  openSummary: (s: ApprovalState) => s.openSummary,
  isOpen: (packetId: string) => (s: ApprovalState) => s.openSummary?.packetId === packetId,
  flagsOf,
};
