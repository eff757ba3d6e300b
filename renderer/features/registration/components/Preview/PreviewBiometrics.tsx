import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Modality } from '../../../../../schemas/sbi';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration } from '../../store/hooks';
import { biometricsSelectors } from '../../store/slices/biometrics/selectors';
import { pickText } from '../pickText';
import { useLabelLanguages } from '../useUiLanguage';

function ModalityLine({ fieldId, modality }: Readonly<{ fieldId: string; modality: Modality }>) {
  const { t } = useTranslation();
  const result = useRegistration(biometricsSelectors.attempt(fieldId, modality));
  return (
    <li>
      {t(`registration.modality.${modality}`)}:{' '}
      {result
        ? `${t('registration.biometrics.quality', { score: Math.round(result.averageQuality), threshold: result.threshold })} · ${t(`registration.biometrics.decision.${result.decision}`)}`
        : t('registration.preview.notCaptured')}
    </li>
  );
}

/** A biometrics field in the preview: quality per modality and the exceptions marked. */
export function PreviewBiometrics({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const modalities = useRegistration(useShallow(biometricsSelectors.modalities(field.id)));
  const exceptions = useRegistration(biometricsSelectors.exceptions(field.id));
  return (
    <>
      <dt>{pickText(field.label, ui)}</dt>
      <dd>
        <ul className="preview__languages">{modalities.map((m) => <ModalityLine key={m} fieldId={field.id} modality={m} />)}</ul>
        <p>{exceptions.length === 0 ? t('registration.preview.noExceptions') : t('registration.preview.exceptions', { list: exceptions.map((a) => t(`registration.attribute.${a}`)).join(', ') })}</p>
      </dd>
    </>
  );
}
