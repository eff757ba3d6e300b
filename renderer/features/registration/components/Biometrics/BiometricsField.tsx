import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Modality } from '../../../../../schemas/sbi';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { biometricsSelectors } from '../../store/slices/biometrics/selectors';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { FieldIssues, issuesId } from '../fields/FieldIssues';
import { FieldLabel } from '../fields/FieldLabel';
import { useField } from '../fields/useField';
import { pickText } from '../pickText';
import { useLabelLanguages } from '../useUiLanguage';
import { ExceptionMarker } from './ExceptionMarker';
import { ModalityPanel } from './ModalityPanel';

/** The modality panel holding focus, else the first still to capture: what Alt+C captures. */
function focusedModality(): Modality | null {
  const panel = document.activeElement?.closest('[data-modality]');
  return (panel?.getAttribute('data-modality') as Modality | null) ?? null;
}

/** One biometrics field: exceptions, then one panel per modality to capture (with the exception photo when needed). */
export function BiometricsField({ field, hasShortcut }: Readonly<{ field: UiField; hasShortcut: boolean }>) {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const { isRequired, issues } = useField(field.id);
  const modalities = useRegistration(useShallow(biometricsSelectors.modalities(field.id)));
  const next = useRegistration(biometricsSelectors.nextToCapture(field.id));
  const error = useRegistration(biometricsSelectors.error);
  const warning = useRegistration(biometricsSelectors.warning);
  const missingPhoto = useRegistration((s) => draftSelectors.missingExceptionPhotos(s).includes(field.id));
  const { captureBiometrics } = useRegistrationActions();

  useEffect(() => {
    if (!hasShortcut) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.key.toLowerCase() !== 'c') return;
      const target = focusedModality() ?? next;
      if (!target) return;
      e.preventDefault();
      void captureBiometrics(field.id, target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hasShortcut, next, field.id, captureBiometrics]);

  return (
    <section className="field biometrics" aria-labelledby={`field-${field.id}-title`} aria-describedby={issuesId(field.id)}>
      <h2 id={`field-${field.id}-title`} className="biometrics__title"><FieldLabel text={pickText(field.label, ui)} isRequired={isRequired} /></h2>
      {error && <ErrorMessage error={error} />}
      {warning && <ErrorMessage error={warning} />}
      <ExceptionMarker fieldId={field.id} />
      <div className="biometrics__panels">
        {modalities.map((m) => <ModalityPanel key={m} fieldId={field.id} modality={m} isNext={m === next} />)}
      </div>
      {missingPhoto && <p className="message message--error" role="alert">{t('registration.biometrics.exceptionPhotoMissing')}</p>}
      <FieldIssues fieldId={field.id} issues={issues} />
    </section>
  );
}
