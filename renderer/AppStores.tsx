import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HomeState, HomeStore } from './features/home/store/store';
import type { RegistrationState } from './features/registration/store/initialState';
import type { RegistrationStore } from './features/registration/store/store';
import type { SessionState } from './features/session/store/initialState';
import type { SessionStore } from './features/session/store/store';
import type { ApprovalStore } from './features/approval';
import type { SyncStore } from './features/sync';
import type { DashboardCardsStore } from './features/home/components/cards';
import type { NavigationState, NavigationStore } from './features/navigation/store';
import type { SettingsStore } from './features/settings/store';

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

export const StoresContext = createContext<AppStores | null>(null);

function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores: no StoresContext provider');
  return stores;
}

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useStores().session, selector);
}

export function useSessionActions() {
  return useStores().session.getState();
}

export function useHome<T>(selector: (s: HomeState) => T): T {
  return useStore(useStores().home, selector);
}

export function useHomeActions() {
  return useStores().home.getState();
}

export function useRegistration<T>(selector: (s: RegistrationState) => T): T {
  return useStore(useStores().registration, selector);
}

export function useRegistrationActions() {
  return useStores().registration.getState();
}

export function useNavigation<T>(selector: (s: NavigationState) => T): T {
  return useStore(useStores().navigation, selector);
}

/** The stores a view receives as props (approval, sync, dashboard cards) and the navigation actions. */
export function useAppStores(): AppStores {
  return useStores();
}
