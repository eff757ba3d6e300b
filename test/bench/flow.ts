/**
 * `npm run bench -- flow [--runs 3]`: issue 6's operator-speed figures. A full adult NEW
 * registration through the real UI in Debian Chromium (browser host, `--demo` with both simulators,
 * devices answering at once): pre-registered demographics fetched by PRID, the application's 2
 * documents, 13 biometrics (2 slaps + thumbs = 10 fingers, 2 irises, face), preview, operator
 * password, receipt. Prints the UI's own time (each action until the screen is ready for the next
 * one; target ≤ 30 s in all) and the operator's actions beyond typing values (fewer is better).
 * Each run starts a fresh app (fresh data dir, first sync included), outside the measured time.
 */
import { parseArgs } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { buildRenderer } from '../../electron/build/buildAll';
import { logIn } from '../e2e/helpers/logIn';
import { launchChromium, startApp } from '../e2e/helpers/startApp';

/** The demo server's first seeded application (test/sims/mosip/preRegSeed.ts): an adult. */
const PRID = '37162804952017';

interface Step {
  readonly what: string;
  readonly ms: number;
  readonly actions: number;
}

/**
 * The operator: every click or shortcut is an action; typing or choosing a value is not (its
 * count is reported apart). Each step is timed from its first action until `ready` is visible.
 */
class Operator {
  readonly steps: Step[] = [];
  values = 0;
  #actions = 0;

  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    this.#actions++;
    await target.click();
  }

  async press(key: string, target?: Locator): Promise<void> {
    this.#actions++;
    await (target ? target.press(key) : this.page.keyboard.press(key));
  }

  async type(target: Locator, value: string): Promise<void> {
    this.values++;
    await target.fill(value);
  }

  async step(what: string, body: () => Promise<void>, ready: Locator): Promise<void> {
    this.#actions = 0;
    const started = performance.now();
    await body();
    await ready.waitFor({ timeout: 60_000 });
    this.steps.push({ what, ms: performance.now() - started, actions: this.#actions });
  }
}

async function registerOne(page: Page, url: string): Promise<Operator> {
  const op = new Operator(page);
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  // logging in is the start of the day, not of this resident: not measured
  await page.goto(url);
  await logIn(page);

  await op.step('new registration (Português + English)', async () => {
    await op.click(page.getByRole('button', { name: 'New registration' }));
    await op.click(page.getByRole('button', { name: 'Start registration' }));
  }, heading('Consent'));
  await op.step('consent', async () => {
    await op.click(page.getByLabel(/I have read and accept/));
    op.values++;
    await page.getByRole('radio', { name: 'Portuguese' }).check();
    await op.press('Alt+ArrowRight');
  }, heading('Demographic details'));
  await op.step('PRID fetch and prefill', async () => {
    const box = page.getByRole('textbox', { name: 'Pre-registration ID' });
    await op.type(box, PRID);
    await op.press('Enter', box);
  }, page.locator('#prereg-message [role=status]'));
  await op.step('demographics checked → documents', () => op.press('Alt+ArrowRight'), page.getByTestId('document-proofOfAddress'));
  await op.step('documents checked → biometrics', () => op.press('Alt+ArrowRight'), heading('Biometric details'));
  for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face']) {
    await op.step(`capture ${modality}`, () => op.press('Alt+c'), page.getByTestId(`decision-${modality}`));
  }
  await op.step('biometrics → preview', async () => {
    await op.press('Alt+ArrowRight');
    await heading('Preview').waitFor();
  }, page.getByRole('button', { name: 'Submit registration' }));
  await op.step('read back, submit, password', async () => {
    await op.click(page.getByLabel(/read the data back/));
    await op.click(page.getByRole('button', { name: 'Submit registration' }));
    const password = page.getByRole('dialog', { name: 'Confirm with your password' }).getByLabel('Your password');
    await op.type(password, 'Officer#2026');
    await op.press('Enter', password);
  }, page.getByTestId('rid'));
  await page.getByTestId('receipt-download').waitFor();
  return op;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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
      try {
        const op = await registerOne(await context.newPage(), app.url);
        results.push(op);
        const total = op.steps.reduce((n, s) => n + s.ms, 0);
        console.log(`run ${run}: UI time ${(total / 1000).toFixed(2)} s, ${op.steps.reduce((n, s) => n + s.actions, 0)} operator actions, ${op.values} values typed or chosen`);
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
    console.log(`  ${step.what.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(6)} s   ${step.actions} action${step.actions === 1 ? '' : 's'}`);
  });
  const totals = results.map((r) => r.steps.reduce((n, s) => n + s.ms, 0));
  const actions = first.steps.reduce((n, s) => n + s.actions, 0);
  console.log(`\nfull adult NEW registration (PRID, 2 documents, 13 biometrics): UI time median ${(median(totals) / 1000).toFixed(2)} s (target ≤ 30 s), max ${(Math.max(...totals) / 1000).toFixed(2)} s`);
  console.log(`operator actions beyond typing values: ${actions}; values typed or chosen: ${first.values}`);
}
