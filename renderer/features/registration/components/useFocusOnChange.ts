import { useEffect, useRef } from 'react';

/** Moves focus to the returned element (a heading with tabIndex -1) whenever `key` changes, so screen readers announce the new screen. */
export function useFocusOnChange<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
