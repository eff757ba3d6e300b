import { createContext, useContext, type Context } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';

/** One feature's store as React sees it: its own context and the hooks its components use. */
export interface StoreContext<S, A> {
  readonly Context: Context<StoreApi<S & A> | null>;
  /** re-renders when the selected part of the state changes */
  useSelect<T>(selector: (state: S) => T): T;
  /** the actions (stable: the store's functions never change) */
  useActions(): S & A;
}

/**
 * A context per feature, so that each feature exports its own hooks and no component imports the
 * app's assembly (AppStores.tsx), which imports every feature: that import was a circle through
 * 22 files.
 */
export function storeContext<S, A>(feature: string): StoreContext<S, A> {
  const Context = createContext<StoreApi<S & A> | null>(null);
  Context.displayName = `${feature}Store`;
  function useStoreApi(): StoreApi<S & A> {
    const store = useContext(Context);
    if (!store) throw new Error(`${feature}: no store provider above this component (AppStoresProvider)`);
    return store;
  }
  return {
    Context,
    useSelect: (selector) => useStore(useStoreApi(), selector),
    useActions: () => useStoreApi().getState(),
  };
}
