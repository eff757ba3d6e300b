import type { BiometricAttemptSummary } from '../../../../schemas/api/registrationApi';
import type { BioAttribute, RegistrationBiometricCapture } from '../../../../schemas/registration';
import { CaptureResult, type Modality } from '../../../../schemas/sbi';
import { BIO_ATTRIBUTE_OF, toRegistrationCaptures } from '../../../../native/sbi/toRegistrationCaptures';
import { decideAfterAttempt, thresholdFor, type QualityPolicyConfig } from '../../../../native/sbi/qualityPolicy';
import type { DraftCaptureRow } from '../../db/repos/drafts';

/** Where one field's modality stands after its attempts. */
export type SeriesDecision = 'accepted' | 'retry' | 'forceCaptured';

/** The attempts of one field and modality, and which one the draft keeps. */
export interface CaptureSeries {
  readonly fieldId: string;
  readonly modality: Modality;
  readonly results: readonly CaptureResult[];
  /** 0-based index of the kept attempt */
  readonly keptIndex: number;
  readonly decision: SeriesDecision;
  readonly threshold: number;
}

/**
 * The kept attempt, as MOSIP's RegistrationDTO keeps it: a later capture replaces the stored one
 * only if its quality is equal or higher, so the best wins and the latest wins a tie.
 */
export function keptIndexOf(results: readonly Pick<CaptureResult, 'averageQuality'>[]): number {
  let kept = 0;
  results.forEach((r, i) => {
    if (r.averageQuality >= results[kept]!.averageQuality) kept = i;
  });
  return kept;
}

/** Accepted once the kept attempt reaches the threshold; force-captured once no attempt is left. */
export function seriesOf(fieldId: string, modality: Modality, results: readonly CaptureResult[], policy: QualityPolicyConfig): CaptureSeries {
  const keptIndex = keptIndexOf(results);
  const threshold = thresholdFor(modality, policy);
  const policyDecision = decideAfterAttempt(results, modality, policy);
  const kept = results[keptIndex]!;
  // a modality marked missing as a whole has no quality to reach
  const isExceptionsOnly = kept.biometrics.length === 0;
  const decision: SeriesDecision = isExceptionsOnly || kept.averageQuality >= threshold ? 'accepted' : policyDecision.kind === 'retry' ? 'retry' : 'forceCaptured';
  return { fieldId, modality, results, keptIndex, decision, threshold };
}

/** Every series of a draft from its stored attempts. */
export function seriesFromRows(rows: readonly DraftCaptureRow[], policy: QualityPolicyConfig): CaptureSeries[] {
  const groups = new Map<string, DraftCaptureRow[]>();
  for (const row of rows) {
    const key = `${row.fieldId}\u0000${row.modality}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((g) => seriesOf(g[0]!.fieldId, g[0]!.modality, g.map((r) => CaptureResult.parse(JSON.parse(r.resultJson))), policy));
}

/** Every attempt of a series, oldest first, with the kept one marked: what the operator's tiles show. */
export function historyOf(series: Pick<CaptureSeries, 'results' | 'keptIndex'>): BiometricAttemptSummary[] {
  return series.results.map((r, i) => ({ attempt: i + 1, averageQuality: r.averageQuality, kept: i === series.keptIndex }));
}

/** The attributes a series contributes to its field once it is final (never the exception photo). */
export function capturedAttributes(series: CaptureSeries): BioAttribute[] {
  if (series.decision === 'retry' || series.modality === 'exception-photo') return [];
  return series.results[series.keptIndex]!.biometrics.map((b) => (b.bioSubType === undefined ? 'face' : BIO_ATTRIBUTE_OF[b.bioSubType]));
}

/** The attributes marked missing in the series' latest attempt (what the operator marked last). */
export function exceptedAttributes(series: CaptureSeries): BioAttribute[] {
  if (series.modality === 'exception-photo') return [];
  return series.results.at(-1)!.exceptions.map((e) => BIO_ATTRIBUTE_OF[e]);
}

/** The packet's capture entries of a final series: the kept attempt, its retries and force-capture flag. */
export function packetCaptures(series: CaptureSeries): RegistrationBiometricCapture[] {
  const kept = series.results[series.keptIndex]!;
  return toRegistrationCaptures({
    result: kept,
    attempt: series.keptIndex + 1,
    attempts: series.results.map((r, i) => ({ attempt: i + 1, averageQuality: r.averageQuality })),
    threshold: series.threshold,
    isForceCaptured: series.decision === 'forceCaptured',
  });
}
