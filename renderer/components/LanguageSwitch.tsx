import { useTranslation } from 'react-i18next';
import { LanguageCode } from '../../schemas/operators';
import { useSession, useSessionActions } from '../features/session/store/hooks';
import { sessionSelectors } from '../features/session/store/selectors';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSession(sessionSelectors.language);
  const { setLanguage } = useSessionActions();
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select value={language} onChange={(e) => void setLanguage(LanguageCode.parse(e.target.value))} data-testid="language-select">
        {LanguageCode.options.map((code) => (
          <option key={code} value={code} lang={code === 'ara' ? 'ar' : undefined}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
