import { storeContext } from '../../../common/storeContext';
import type { NavigationActions, NavigationState } from './store';

/** Which screen is shown, in React: AppStoresProvider fills it; components use the hooks. */
export const navigationStoreContext = storeContext<NavigationState, NavigationActions>('navigation');
export const useNavigation = navigationStoreContext.useSelect;
export const useNavigationActions = navigationStoreContext.useActions;
