import { storeContext } from '../../../common/storeContext';
import type { RegistrationState } from './initialState';
import type { RegistrationActions } from './store';

/** The registration feature's store in React: AppStoresProvider fills it; components use the hooks. */
export const registrationStoreContext = storeContext<RegistrationState, RegistrationActions>('registration');
export const useRegistration = registrationStoreContext.useSelect;
export const useRegistrationActions = registrationStoreContext.useActions;
