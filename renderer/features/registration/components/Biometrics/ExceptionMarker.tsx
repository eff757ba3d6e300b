import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { BioAttribute } from '../../../../../schemas/registration';
import { useRegistration, useRegistrationActions } from '../../../../AppStores';
import { biometricsSelectors } from '../../store/slices/biometrics/selectors';

const GROUPS: readonly { key: 'leftHand' | 'rightHand' | 'eyes'; attributes: readonly BioAttribute[] }[] = [
  { key: 'leftHand', attributes: ['leftThumb', 'leftIndex', 'leftMiddle', 'leftRing', 'leftLittle'] },
  { key: 'rightHand', attributes: ['rightThumb', 'rightIndex', 'rightMiddle', 'rightRing', 'rightLittle'] },
  { key: 'eyes', attributes: ['leftEye', 'rightEye'] },
];

/** Missing fingers and eyes as checkboxes, grouped by hand as on MOSIP's exception pane (keyboard-first instead of a picture). */
export function ExceptionMarker({ fieldId }: Readonly<{ fieldId: string }>) {
  const { t } = useTranslation();
  const exceptionable = useRegistration(useShallow(biometricsSelectors.exceptionable(fieldId)));
  const exceptions = useRegistration(biometricsSelectors.exceptions(fieldId));
  const { setException } = useRegistrationActions();
  if (exceptionable.length === 0) return null;
  return (
    <details className="exceptions" open={exceptions.length > 0}>
      <summary>{t('registration.biometrics.exceptions', { count: exceptions.length })}</summary>
      <p className="muted">{t('registration.biometrics.exceptionsHint')}</p>
      <div className="exceptions__groups">
        {GROUPS.map((group) => {
          const shown = group.attributes.filter((a) => exceptionable.includes(a));
          if (shown.length === 0) return null;
          return (
            <fieldset key={group.key} className="exceptions__group">
              <legend>{t(`registration.biometrics.group.${group.key}`)}</legend>
              {shown.map((attribute) => (
                <label key={attribute} className="choice">
                  <input type="checkbox" checked={exceptions.includes(attribute)} onChange={(e) => setException(fieldId, attribute, e.target.checked)} />
                  <span>{t(`registration.attribute.${attribute}`)}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
    </details>
  );
}
