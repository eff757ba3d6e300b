import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../../../schemas/registrationForm';
import { missingModalities } from '../../store/slices/biometrics/bioModalities';
import { pickText } from '../pickText';

/**
 * An issue's message in the UI language; a biometrics issue also names the capture panels still
 * to do, since the spec's message ("required biometrics are missing") does not say which.
 */
export function issueText(issue: FieldIssue, ui: string | readonly string[], t: TFunction): string {
  const message = pickText(issue.message, ui);
  const modalities = missingModalities(issue.missing ?? []);
  if (modalities.length === 0) return message;
  const list = modalities.map((m) => t(`registration.modality.${m}`)).join(t('registration.biometrics.markedSeparator'));
  return `${message} ${t('registration.biometrics.missingModalities', { list })}`;
}
