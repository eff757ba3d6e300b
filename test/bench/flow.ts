/**
 * `npm run bench -- flow [--runs 3]`: the operator-speed figures (issues 6 and 13) on the path
 * test/e2e/operatorDay.test.ts proves, walked by the same code (test/e2e/helpers/operatorDay.ts) in
 * Debian Chromium (browser host, `--demo` with both simulators, devices answering at once): João's
 * pre-registration fetched by PRID (passport and residence certificate prefilled), an identity card
 * attached over the passport and its number typed after attaching in العربية, a two-page medical
 * certificate as proof of exception, Next and Back, a missing finger with its exception photo, 12
 * captures (2 slaps + thumbs = 9 fingers, 2 irises, face), save and close, resume, preview, submit
 * with the officer's password and a supervisor's review, receipt; then the supervisor's summary,
 * approval and two "Sync now" (uploaded, then processed). Prints the UI's own time (each action
 * until the screen is ready for the next one) and the operator's actions beyond typing values
 * (fewer is better). Each run starts a fresh app (fresh data dir, first sync included) outside the
 * measured time; logging in is not measured.
 */
import { parseArgs } from 'node:util';
import { buildRenderer } from '../../electron/build/buildAll';
import { Operator } from '../e2e/helpers/operator';
import { walkOperatorDay } from '../e2e/helpers/operatorDay';
import { launchChromium, startApp } from '../e2e/helpers/startApp';

/** the steps up to the receipt: the registration itself, whose target is ≤ 30 s of UI time */
const REGISTRATION_ENDS_WITH = 'password and supervisor review → packet and receipt';

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

function registrationMs(op: Operator): number {
  const last = op.steps.findIndex((s) => s.what === REGISTRATION_ENDS_WITH);
  return op.steps.slice(0, last + 1).reduce((n, s) => n + s.ms, 0);
}

export default async function flowBench(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  await buildRenderer();
  const browser = await launchChromium();
  const results: Operator[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const app = await startApp([], { simulators: true });
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      context.setDefaultTimeout(20_000);
      try {
        const op = new Operator(await context.newPage());
        await walkOperatorDay(op, app);
        results.push(op);
        console.log(`run ${run}: UI time ${seconds(op.totalMs)} s (registration ${seconds(registrationMs(op))} s), ${op.totalActions} operator actions, ${op.values} values typed or chosen`);
      } finally {
        await context.close();
        await app.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const first = results[0]!;
  console.log('\nper step (median over runs):');
  first.steps.forEach((step, i) => {
    const ms = median(results.map((r) => r.steps[i]!.ms));
    console.log(`  ${step.what.padEnd(52)} ${seconds(ms).padStart(6)} s   ${step.actions} action${step.actions === 1 ? '' : 's'}`);
  });
  const registration = results.map(registrationMs);
  const totals = results.map((r) => r.totalMs);
  console.log(`\nNEW registration from a pre-registration (2 documents replaced or added, references, العربية, missing finger + exception photo, resume, 12 captures): UI time median ${seconds(median(registration))} s (target ≤ 30 s), max ${seconds(Math.max(...registration))} s`);
  console.log(`the whole day (with approval and sync to PROCESSED): UI time median ${seconds(median(totals))} s, max ${seconds(Math.max(...totals))} s`);
  console.log(`operator actions beyond typing values: ${first.totalActions}; values typed or chosen: ${first.values}`);
}
