import { useSession } from '../features/session/store/hooks';
import { BCP47 } from '../i18n/resources';
import { sessionSelectors } from '../features/session/store/selectors';

/** The BCP 47 tag of the operator's UI language, for Intl number and date formats. */
export function useLocale(): string {
  return BCP47[useSession(sessionSelectors.language)];
}
