import { loadavg } from 'node:os';
import type { ScaleSeed } from '../../helpers/scaleDataDir';
import type { Figure } from './measure';

/** Everything measured at one size. */
export interface SizeFigures {
  readonly packets: number;
  readonly figures: readonly Figure[];
  readonly dbBytes: number;
  /** the host process after the screens, idle, after a GC */
  readonly hostRssMb: number;
  readonly hostPeakRssMb: number;
  readonly cliPeakRssMb: number;
  readonly seed: ScaleSeed;
}

const ms = (n: number | null) => (n === null ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const cell = (f: Figure | undefined) => (f ? `${ms(f.ms)} ms (stall ${ms(f.stallMs)})${f.note ? `, ${f.note}` : ''}` : '—');

/** A markdown table: each figure at each size, and the ratio of the last size to the first. */
export function printTable(results: readonly SizeFigures[]): void {
  const first = results[0]!;
  const last = results.at(-1)!;
  const head = results.map((r) => `${r.packets.toLocaleString('en')} packets`);
  console.log(`\n| figure | ${head.join(' | ')} | ratio |`);
  console.log(`|---|${head.map(() => '---').join('|')}|---|`);
  first.figures.forEach((f, i) => {
    const at = results.map((r) => r.figures[i]);
    const ratio = last.figures[i] && f.ms > 0 ? `${(last.figures[i]!.ms / f.ms).toFixed(1)}×` : '';
    console.log(`| ${f.what} | ${at.map(cell).join(' | ')} | ${ratio} |`);
  });
  const row = (what: string, value: (r: SizeFigures) => string) => console.log(`| ${what} | ${results.map(value).join(' | ')} | |`);
  row('host process RSS idle after the screens (after GC) / peak', (r) => `${r.hostRssMb.toFixed(0)} / ${r.hostPeakRssMb.toFixed(0)} MB`);
  row('CLI peak RSS (largest of the three commands)', (r) => `${r.cliPeakRssMb.toFixed(0)} MB`);
  row('database size per packet', (r) => `${(r.dbBytes / r.packets / 1024).toFixed(1)} KiB (${(r.dbBytes / 2 ** 20).toFixed(1)} MiB)`);
  row('seeded: drafts / audit rows / seeding time (cached after)', (r) => `${r.seed.drafts} / ${r.seed.auditRows.toLocaleString('en')} / ${(r.seed.seedMs / 1000).toFixed(0)} s`);
  console.log(`\nload average at the end (2 cores, shared): ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  console.log('stall: the largest main-thread (event-loop) stall of the process that serves the window while the figure ran; for the CLI, — (its own process).');
}
