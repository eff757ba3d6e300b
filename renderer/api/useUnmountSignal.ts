import { useCallback, useEffect, useRef } from 'react';

/**
 * A signal that aborts when the component unmounts, for `api[method](input, { signal })`: a person
 * who leaves a screen stops the work it started (a capture, a discovery, a sync run). Returns a
 * getter, read when the call starts: under StrictMode's mount, unmount, mount each mount gets its own.
 */
export function useUnmountSignal(): () => AbortSignal {
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    const current = controller.current ?? new AbortController();
    controller.current = current;
    return () => {
      current.abort();
      controller.current = null;
    };
  }, []);
  return useCallback(() => {
    controller.current ??= new AbortController();
    return controller.current.signal;
  }, []);
}
