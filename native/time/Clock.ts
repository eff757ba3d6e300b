/** Injected time (STYLE rule 30): services never call Date.now or setTimeout directly. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): Disposable;
}

export interface Disposable {
  dispose(): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return { dispose: () => clearTimeout(handle) };
  },
};
