import { storeContext } from '../../../common/storeContext';
import type { HomeActions, HomeState } from './store';

/** The home feature's store in React: AppStoresProvider fills it; components use the hooks. */
export const homeStoreContext = storeContext<HomeState, HomeActions>('home');
export const useHome = homeStoreContext.useSelect;
export const useHomeActions = homeStoreContext.useActions;
