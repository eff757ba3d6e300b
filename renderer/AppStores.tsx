import { createContext, useContext, type ReactNode } from 'react';
import type { ApprovalStore } from './features/approval';
import type { DashboardCardsStore } from './features/home/components/cards';
import { homeStoreContext } from './features/home/store/hooks';
import type { HomeStore } from './features/home/store/store';
import { navigationStoreContext } from './features/navigation/store/hooks';
import type { NavigationStore } from './features/navigation/store/store';
import { registrationStoreContext } from './features/registration/store/hooks';
import type { RegistrationStore } from './features/registration/store/store';
import { sessionStoreContext } from './features/session/store/hooks';
import type { SessionStore } from './features/session/store/store';
import type { SettingsStore } from './features/settings/store/store';
import type { SyncStore } from './features/sync';

/** Every feature's store, created once by main.tsx. */
export interface AppStores {
  readonly session: SessionStore;
  readonly home: HomeStore;
  readonly registration: RegistrationStore;
  readonly approval: ApprovalStore;
  readonly sync: SyncStore;
  readonly cards: DashboardCardsStore;
  readonly navigation: NavigationStore;
  readonly settings: SettingsStore;
}

const StoresContext = createContext<AppStores | null>(null);

/**
 * Assembles the features' stores for React: each feature's own context (its components use that
 * feature's hooks, `features/<f>/store/hooks.ts`), and the whole set for the views that receive
 * stores as props. Nothing under features/ imports this file.
 */
export function AppStoresProvider({ stores, children }: { readonly stores: AppStores; readonly children: ReactNode }): ReactNode {
  return (
    <StoresContext.Provider value={stores}>
      <sessionStoreContext.Context.Provider value={stores.session}>
        <homeStoreContext.Context.Provider value={stores.home}>
          <registrationStoreContext.Context.Provider value={stores.registration}>
            <navigationStoreContext.Context.Provider value={stores.navigation}>{children}</navigationStoreContext.Context.Provider>
          </registrationStoreContext.Context.Provider>
        </homeStoreContext.Context.Provider>
      </sessionStoreContext.Context.Provider>
    </StoresContext.Provider>
  );
}

/** The stores a view receives as props (approval, sync, dashboard cards, settings): for App and Home, which hand them down. */
export function useAppStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useAppStores: no AppStoresProvider above this component');
  return stores;
}
