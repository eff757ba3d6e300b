/** One figure of the scale bench: the median time of its runs and the largest main-thread stall seen in any. */
export interface Figure {
  readonly what: string;
  readonly ms: number;
  readonly stallMs: number | null;
  readonly note?: string;
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs `body` `runs` times and keeps the median time; `stall` asks the measured process for its
 * largest event-loop stall since it last asked (null where the figure is another process's own).
 */
export async function measure(what: string, runs: number, body: () => Promise<unknown>, stall?: () => Promise<number>): Promise<Figure> {
  await stall?.();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await body();
    times.push(performance.now() - t0);
  }
  return { what, ms: median(times), stallMs: stall ? await stall() : null };
}
