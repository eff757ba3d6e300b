import { useShallow } from 'zustand/react/shallow';
import { useRegistration } from '../store/hooks';
import { useSession } from '../../session/store/hooks';
import { sessionSelectors } from '../../session/store/selectors';

/** The operator's UI language (labels and messages), as opposed to the resident's data-entry languages. */
export function useUiLanguage(): string {
  return useSession(sessionSelectors.language);
}

/**
 * The languages a synced label is looked up in, in order: the UI language, then the registration's
 * first data-entry language (a spec lacking the UI language falls back to it, not to English).
 */
export function useLabelLanguages(): readonly string[] {
  const ui = useSession(sessionSelectors.language);
  return useRegistration(useShallow((s) => (s.form.languages[0] && s.form.languages[0] !== ui ? [ui, s.form.languages[0]] : [ui])));
}
