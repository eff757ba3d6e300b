import type { BiometricAttemptResult, BiometricAttemptSummary } from '../../../../../../schemas/api/registrationApi';
import type { BioAttribute } from '../../../../../../schemas/registration';
import { bioRequirement } from '../../../../../../schemas/rules/fieldRules';
import type { Modality } from '../../../../../../schemas/sbi';
import type { UiField } from '../../../../../../schemas/uiSpec';
import type { RegistrationState } from '../../initialState';
import { allFields } from '../form/deriveFormRules';
import { formSelectors } from '../form/selectors';
import { attemptKey, EXCEPTIONABLE, MODALITY_ATTRIBUTES, modalitiesFor } from './bioModalities';

const NONE: readonly BioAttribute[] = [];
const NO_HISTORY: readonly BiometricAttemptSummary[] = [];

function fieldOf(s: RegistrationState, fieldId: string): UiField | undefined {
  return allFields(s.form).find((f) => f.id === fieldId);
}

function isCapturedInDraft(s: RegistrationState, fieldId: string, modality: Modality): boolean {
  const value = s.form.values[fieldId];
  if (value?.type !== 'biometrics' || modality === 'exception-photo') return false;
  const wanted = MODALITY_ATTRIBUTES[modality].filter((a) => requiredAttributes(fieldId)(s).includes(a) && !value.exceptions.includes(a));
  return wanted.length > 0 && wanted.every((a) => value.captured.includes(a));
}

function isPhotoRequired(s: RegistrationState, fieldId: string): boolean {
  return fieldOf(s, fieldId)?.exceptionPhotoRequired === true;
}

/** The attributes this resident must give for a field (age group and process decide, as in MOSIP). */
function requiredAttributes(fieldId: string) {
  return (s: RegistrationState): readonly BioAttribute[] => {
    const field = fieldOf(s, fieldId);
    return field ? bioRequirement(field, formSelectors.ageGroup(s.form), s.form.process ?? '').attributes : NONE;
  };
}

function exceptions(fieldId: string) {
  return (s: RegistrationState): readonly BioAttribute[] => s.biometrics.exceptions[fieldId] ?? NONE;
}

function attempt(fieldId: string, modality: Modality) {
  return (s: RegistrationState): BiometricAttemptResult | null => s.biometrics.attempts[attemptKey(fieldId, modality)] ?? null;
}

/** Selectors of the biometrics slice; curried by field (and modality). */
export const biometricsSelectors = {
  requiredAttributes,
  exceptions,
  attempt,
  /** every attempt of a field's modality so far (the tiles), the kept one marked; empty before the first */
  history: (fieldId: string, modality: Modality) => (s: RegistrationState): readonly BiometricAttemptSummary[] =>
    s.biometrics.attempts[attemptKey(fieldId, modality)]?.history ?? NO_HISTORY,
  /** the panels to show: modalities with a required, not-excepted attribute, then the exception photo */
  modalities: (fieldId: string) => (s: RegistrationState): Modality[] => modalitiesFor(requiredAttributes(fieldId)(s), exceptions(fieldId)(s), isPhotoRequired(s, fieldId)),
  /** fingers and eyes the operator may mark missing for this field */
  exceptionable: (fieldId: string) => (s: RegistrationState): BioAttribute[] => requiredAttributes(fieldId)(s).filter((a) => EXCEPTIONABLE.has(a)),
  /** captured before this page knew of it (a resumed draft): every non-excepted attribute is in the draft */
  isCapturedInDraft: (fieldId: string, modality: Modality) => (s: RegistrationState): boolean => isCapturedInDraft(s, fieldId, modality),
  /** the first panel still to capture (no accepted or force-captured attempt): Alt+C's target */
  nextToCapture: (fieldId: string) => (s: RegistrationState): Modality | null =>
    modalitiesFor(requiredAttributes(fieldId)(s), exceptions(fieldId)(s), isPhotoRequired(s, fieldId)).find((m) => {
      const result = s.biometrics.attempts[attemptKey(fieldId, m)];
      return result ? result.decision === 'retry' : !isCapturedInDraft(s, fieldId, m);
    }) ?? null,
  /**
   * Whether the capture button may start another attempt: no capture running and attempts left.
   * An accepted attempt may be bettered while attempts remain (MOSIP keeps the best; the back end
   * refuses past the limit), so only a spent series or a busy device disables it.
   */
  canCapture: (fieldId: string, modality: Modality) => (s: RegistrationState): boolean =>
    s.biometrics.capturing === null && (s.biometrics.attempts[attemptKey(fieldId, modality)]?.attemptsLeft ?? 1) > 0,
  isCapturing: (fieldId: string, modality: Modality) => (s: RegistrationState) => s.biometrics.capturing === attemptKey(fieldId, modality),
  isAnyCapturing: (s: RegistrationState) => s.biometrics.capturing !== null,
  previewModality: (s: RegistrationState) => s.biometrics.previewModality,
  /** the latest preview frame as an image source, for the modality being previewed */
  previewSrc: (modality: Modality) => (s: RegistrationState): string | null =>
    s.biometrics.preview?.modality === modality ? `data:image/jpeg;base64,${s.biometrics.preview.jpegBase64}` : null,
  error: (s: RegistrationState) => s.biometrics.error,
  warning: (s: RegistrationState) => s.biometrics.warning,
  /** biometrics fields of the current screen with exceptions marked but no exception photo yet */
  missingExceptionPhotosOnScreen: (s: RegistrationState): string[] =>
    formSelectors.visibleFields(s.form)
      .filter((f) => f.controlType === 'biometrics' && f.exceptionPhotoRequired === true && (s.biometrics.exceptions[f.id] ?? NONE).length > 0 && !s.biometrics.attempts[attemptKey(f.id, 'exception-photo')])
      .map((f) => f.id),
};
