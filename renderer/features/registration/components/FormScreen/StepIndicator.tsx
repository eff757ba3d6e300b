import { useTranslation } from 'react-i18next';
import { useRegistrationActions } from '../../store/hooks';
import { formSelectors } from '../../store/slices/form/selectors';
import { pickText } from '../pickText';
import { useForm, useFormShallow } from '../useFormState';
import { useLabelLanguages } from '../useUiLanguage';

/** The screens of the process, then the preview; screens already passed are links back. */
export function StepIndicator({ isPreview = false }: Readonly<{ isPreview?: boolean }>) {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const screens = useForm(formSelectors.screens);
  const shown = useFormShallow(formSelectors.shownScreenIndexes);
  const current = useForm(formSelectors.screenIndex);
  const reached = useForm(formSelectors.reachedScreenIndex);
  const { goTo } = useRegistrationActions();
  return (
    <nav aria-label={t('registration.form.steps')} className="steps">
      <ol>
        {shown.map((index, n) => {
          const screen = screens[index]!;
          const isCurrent = !isPreview && index === current;
          const label = `${n + 1}. ${pickText(screen.label, ui)}`;
          return (
            <li key={screen.name} className={isCurrent ? 'steps__item steps__item--current' : 'steps__item'}>
              {index <= reached && !isCurrent ? (
                <button type="button" className="steps__link" onClick={() => void goTo(index)}>{label}</button>
              ) : (
                <span aria-current={isCurrent ? 'step' : undefined}>{label}</span>
              )}
            </li>
          );
        })}
        <li className={isPreview ? 'steps__item steps__item--current' : 'steps__item'}>
          <span aria-current={isPreview ? 'step' : undefined}>{`${shown.length + 1}. ${t('registration.preview.heading')}`}</span>
        </li>
      </ol>
    </nav>
  );
}
