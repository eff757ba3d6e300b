import { useSession } from '../../../AppStores';
import { sessionSelectors } from '../../session/store/selectors';

/** The operator's UI language (labels and messages), as opposed to the resident's data-entry languages. */
export function useUiLanguage(): string {
  return useSession(sessionSelectors.language);
}
