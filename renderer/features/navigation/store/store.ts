import { createStore, type StoreApi } from 'zustand/vanilla';

/** The logged-in areas of the app; registration is entered from home and covers it while open. */
export type AppView = 'home' | 'approval' | 'sync' | 'settings';

export interface NavigationState {
  readonly view: AppView;
}

export interface NavigationActions {
  go(view: AppView): void;
  reset(): void;
}

export type NavigationStore = StoreApi<NavigationState & NavigationActions>;

export const navigationSelectors = {
  view: (s: NavigationState) => s.view,
};

/** Which screen is shown; no router: the app has a handful of views and no URLs to keep. */
export function createNavigationStore(): NavigationStore {
  return createStore<NavigationState & NavigationActions>()((set) => ({
    view: 'home',
    go: (view) => set({ view }),
    reset: () => set({ view: 'home' }),
  }));
}
