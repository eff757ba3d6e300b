import { storeContext } from '../../../common/storeContext';
import type { SessionState } from './initialState';
import type { SessionActions } from './store';

/** The session feature's store in React: AppStoresProvider fills it; components use the hooks. */
export const sessionStoreContext = storeContext<SessionState, SessionActions>('session');
export const useSession = sessionStoreContext.useSelect;
export const useSessionActions = sessionStoreContext.useActions;
