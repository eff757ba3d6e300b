import type { CaptureOutcome, CaptureResult, Modality } from '../../schemas/sbi';
import { MODALITIES } from './modalities';

/**
 * Quality thresholds and attempts per modality group, as the incumbent client has them
 * (mosip-config `*_threshold`, `num_of_*_retries`; incumbent-java-client.md §2.5).
 */
export interface QualityPolicyConfig {
  readonly thresholds: Readonly<{ finger: number; iris: number; face: number }>;
  /** attempts allowed per modality before the best one is force-captured */
  readonly attempts: Readonly<{ finger: number; iris: number; face: number }>;
}

export const DEFAULT_QUALITY_POLICY: QualityPolicyConfig = {
  thresholds: { finger: 40, iris: 60, face: 90 },
  attempts: { finger: 3, iris: 3, face: 3 },
};

/** Validates a policy. @throws TypeError on thresholds outside 0..100 or attempts < 1. */
export function validateQualityPolicy(config: QualityPolicyConfig): QualityPolicyConfig {
  for (const group of ['finger', 'iris', 'face'] as const) {
    const threshold = config.thresholds[group];
    const attempts = config.attempts[group];
    if (!(threshold >= 0 && threshold <= 100)) throw new TypeError(`QualityPolicyConfig.thresholds.${group}: expected 0..100, got ${threshold}`);
    if (!Number.isInteger(attempts) || attempts < 1) throw new TypeError(`QualityPolicyConfig.attempts.${group}: expected an integer ≥ 1, got ${attempts}`);
  }
  return config;
}

/** Threshold sent as `requestedScore`; the exception photo has no quality gate. */
export function thresholdFor(modality: Modality, config: QualityPolicyConfig): number {
  return modality === 'exception-photo' ? 0 : config.thresholds[MODALITIES[modality].qualityGroup];
}

/** What to do after an attempt. */
export type QualityDecision =
  | { readonly kind: 'accept'; readonly best: number }
  | { readonly kind: 'retry' }
  | { readonly kind: 'forceCapture'; readonly best: number };

/**
 * Pure decision after `results.length` attempts: accept the latest when its mean quality reaches
 * the threshold; otherwise retry while attempts remain; after the last attempt keep the best one
 * (highest mean quality, earliest on a tie) as force-captured.
 */
export function decideAfterAttempt(results: readonly Pick<CaptureResult, 'averageQuality'>[], modality: Modality, config: QualityPolicyConfig): QualityDecision {
  const latest = results.length - 1;
  if (latest < 0) throw new TypeError('decideAfterAttempt: expected at least one attempt');
  const threshold = thresholdFor(modality, config);
  if (results[latest]!.averageQuality >= threshold) return { kind: 'accept', best: latest };
  const maxAttempts = modality === 'exception-photo' ? 1 : config.attempts[MODALITIES[modality].qualityGroup];
  if (results.length < maxAttempts) return { kind: 'retry' };
  let best = 0;
  results.forEach((r, i) => {
    if (r.averageQuality > results[best]!.averageQuality) best = i;
  });
  return { kind: 'forceCapture', best };
}

/**
 * Runs attempts through `captureOnce` until the policy accepts or force-captures. A rejected
 * capture (AppError) is not an attempt with a score: it propagates, and the operator recaptures.
 */
export async function captureWithQualityPolicy(
  modality: Modality,
  config: QualityPolicyConfig,
  captureOnce: (attempt: number) => Promise<CaptureResult>,
): Promise<CaptureOutcome> {
  const results: CaptureResult[] = [];
  for (;;) {
    results.push(await captureOnce(results.length + 1));
    const decision = decideAfterAttempt(results, modality, config);
    if (decision.kind === 'retry') continue;
    return {
      result: results[decision.best]!,
      attempt: decision.best + 1,
      attempts: results.map((r, i) => ({ attempt: i + 1, averageQuality: r.averageQuality })),
      threshold: thresholdFor(modality, config),
      isForceCaptured: decision.kind === 'forceCapture' && results[decision.best]!.averageQuality < thresholdFor(modality, config),
    };
  }
}
