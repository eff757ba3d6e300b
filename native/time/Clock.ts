/** Injected time (STYLE rule 30): services never call Date.now or setTimeout directly. */
export interface Clock {
  now(): number;
  /**
   * `keepAlive`: the timer is work the process must wait for (a retry the CLI waits out). Other
   * timers (idle warnings, scheduled jobs, debounces) must not keep a finished CLI run alive.
   */
  setTimeout(callback: () => void, ms: number, options?: Readonly<{ keepAlive?: boolean }>): Disposable;
}

export interface Disposable {
  dispose(): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms, options) {
    const handle = setTimeout(callback, ms);
    // An unref'd timer alone does not keep Node running: a CLI awaiting it would end with exit 13
    // ("unsettled top-level await") and print nothing. Only keepAlive timers hold the process.
    if (options?.keepAlive !== true) handle.unref?.();
    return { dispose: () => clearTimeout(handle) };
  },
};
