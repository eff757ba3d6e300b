import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeTempDir } from '../helpers/tempDir';
import { seriousA11yViolations } from './helpers/axe';
import { ARTIFACTS, launchChromium, itSavingArtifacts } from './helpers/startApp';

const SCREENS = join(ARTIFACTS, 'screens');
const URL_BASE = 'http://sync-harness.invalid/';

/** Bundles test/e2e/browser/syncHarness.tsx (esbuild, about a second). */
async function buildSyncHarness(): Promise<{ js: string; css: string }> {
  const temp = makeTempDir('regclient-sync-harness-');
  try {
    await build({
      entryPoints: { harness: join(import.meta.dirname, 'browser', 'syncHarness.tsx') }, outdir: temp.path, bundle: true, platform: 'browser', format: 'esm',
      target: ['chrome120'], jsx: 'automatic', loader: { '.json': 'json' }, logLevel: 'warning', define: { 'process.env.NODE_ENV': '"development"' },
    });
    return { js: readFileSync(join(temp.path, 'harness.js'), 'utf8'), css: readFileSync(join(temp.path, 'harness.css'), 'utf8') };
  } finally {
    temp.remove();
  }
}

/** The harness under the app's CSP, on a made-up origin nothing listens on. */
async function routeSyncHarness(page: Page, bundle: { js: string; css: string }): Promise<void> {
  const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'";
  await page.route(`${URL_BASE}**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/harness.js') return route.fulfill({ contentType: 'text/javascript', body: bundle.js });
    if (path === '/harness.css') return route.fulfill({ contentType: 'text/css', body: bundle.css });
    return route.fulfill({
      contentType: 'text/html', headers: { 'content-security-policy': csp },
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sync harness</title><link rel="stylesheet" href="/harness.css"><script type="module" src="/harness.js"></script></head><body><div id="root"></div></body></html>',
    });
  });
}

/**
 * The approval queue, sync screen and dashboard cards in Debian Chromium at 1366×768 against the
 * harness's fake back end: keyboard selection and bulk decisions, the modal dialog's focus and
 * Escape, axe on each view (also in Arabic), and screenshots.
 */
describe('approval and sync screens (harness, Debian Chromium)', () => {
  let browser: Browser;
  let bundle: { js: string; css: string };
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    [browser, bundle] = await Promise.all([launchChromium(), buildSyncHarness()]);
    mkdirSync(SCREENS, { recursive: true });
  });
  after(() => browser.close());
  beforeEach(async () => {
    errors.length = 0;
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    await routeSyncHarness(page, bundle);
  });
  afterEach(() => context.close());

  const it = itSavingArtifacts(() => ({ page, app: undefined }), { prefix: 'sync harness', afterBody: () => assert.deepEqual(errors, []) });
  const focusedName = () => page.evaluate(() => { const el = (globalThis as unknown as { document: { activeElement: { textContent: string | null; getAttribute(n: string): string | null } | null } }).document.activeElement; return el?.getAttribute('aria-label') ?? el?.textContent ?? ''; });

  it('selects with the keyboard, opens the bulk decision, cancels with Escape and returns focus', async () => {
    await page.goto(`${URL_BASE}?view=approval`);
    const selectAll = page.getByRole('checkbox', { name: 'Select all shown registrations' });
    await selectAll.focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: '3 selected' }).waitFor();
    const bulkApprove = page.getByRole('button', { name: 'Approve 3' });
    await bulkApprove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Approve 3 registrations' });
    await dialog.waitFor();
    assert.equal(await dialog.getByLabel('Your password (to confirm)').evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true, 'focus starts in the password field');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.screenshot({ path: join(SCREENS, 'approval-dialog.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focusedName(), 'Approve 3');
  });

  it('rejects one packet with a reason and the password, and shows the result', async () => {
    await page.goto(`${URL_BASE}?view=approval`);
    await page.getByRole('button', { name: 'Reject registration 10001100020000120261122100001' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject 1 registration' });
    const confirm = dialog.getByRole('button', { name: 'Reject' });
    await dialog.getByLabel('Your password (to confirm)').fill('wrong');
    assert.equal(await confirm.isDisabled(), true, 'a rejection needs a reason');
    await dialog.getByLabel('Reason').selectOption('DMD');
    await confirm.click();
    await dialog.getByRole('alert').filter({ hasText: /password/i }).waitFor();
    await dialog.getByLabel('Your password (to confirm)').fill('Supervisor#2026');
    await dialog.getByLabel('Your password (to confirm)').press('Enter');
    await page.getByRole('status').filter({ hasText: '1 registration rejected.' }).waitFor();
    await page.getByText('10001100020000120261122100001 · Ready to send · Documents unreadable').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Select registration 10001100020000120261122100001' }).count(), 0);
    assert.equal(await focusedName(), 'Approve registrations', 'focus goes to the heading when the opener row is gone');
    await page.screenshot({ path: join(SCREENS, 'approval-queue.png') });
  });

  it("opens a packet's summary from the keyboard with its quality flags, decides from it, and closes with Escape", async () => {
    const rid = '10001100020000120261122100001';
    await page.goto(`${URL_BASE}?view=approval`);
    const toggle = page.getByRole('button', { name: `Summary of registration ${rid}` });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: `Registration ${rid}` });
    await panel.getByRole('heading', { name: 'Biometrics' }).waitFor();
    assert.equal(await focusedName(), `Registration ${rid}`, 'focus moves to the summary heading');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    // what a supervisor must see at a glance
    await panel.getByText('4 captures are below their quality threshold').waitFor();
    await panel.getByText('Kept after the last attempt (force-captured): Right hand (4 fingers)').waitFor();
    await panel.getByText('1 finger or eye marked missing').waitFor();
    assert.equal(await panel.getByText('Below threshold', { exact: true }).count(), 4);
    assert.equal(await panel.getByText('Missing (exception)').count(), 1);
    await panel.getByText('Attempt 2 of 3 kept').waitFor();
    await panel.getByRole('img', { name: 'Photo of Maria Quaresma Neves' }).waitFor();
    await panel.getByRole('img', { name: 'Exception photo' }).waitFor();
    await panel.getByText('Mary Quaresma Neves').first().waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.screenshot({ path: join(SCREENS, 'approval-summary.png'), fullPage: true });

    const hold = panel.getByRole('button', { name: `Hold registration ${rid}` });
    await hold.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Put 1 registration on hold' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focusedName(), `Hold registration ${rid}`, 'focus returns into the summary');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.equal(await focusedName(), `Summary of registration ${rid}`, 'Escape closes the summary and focus returns to its toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  });

  it('says when a packet has no summary, and opens one summary at a time', async () => {
    await page.goto(`${URL_BASE}?view=approval`);
    await page.getByRole('button', { name: 'Summary of registration 10001100020000120261122100003' }).click();
    const missing = page.getByRole('region', { name: 'Registration 10001100020000120261122100003' });
    await missing.getByRole('alert').filter({ hasText: 'No summary is kept on this computer for registration 10001100020000120261122100003' }).waitFor();
    await page.getByRole('button', { name: 'Summary of registration 10001100020000120261122100002' }).click();
    await page.getByRole('region', { name: 'Registration 10001100020000120261122100002' }).getByRole('heading', { name: 'Documents' }).waitFor();
    assert.equal(await missing.count(), 0);
    assert.equal(await page.getByRole('region', { name: /^Registration / }).count(), 1);
  });

  it('shows the summary right to left in Arabic, with no serious axe violation', async () => {
    await page.goto(`${URL_BASE}?view=approval&lang=ara`);
    await page.getByRole('button', { name: 'ملخص التسجيل 10001100020000120261122100001' }).click();
    const panel = page.getByRole('region', { name: 'التسجيل 10001100020000120261122100001' });
    await panel.getByText('التقاطات دون الحد الأدنى للجودة: 4').waitFor();
    assert.equal(await panel.getByText('دون الحد الأدنى', { exact: true }).count(), 4);
    // Portuguese and English values keep their own language and direction inside the Arabic page
    assert.equal(await panel.locator('[lang="pt-ST"]').first().getAttribute('dir'), 'ltr');
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('shows the sync screen with the parked packet, the near limit and no serious axe violation', async () => {
    await page.goto(`${URL_BASE}?view=sync`);
    await page.getByRole('heading', { name: 'Stopped: needs a person (1)' }).waitFor();
    await page.getByRole('button', { name: 'Send again: registration 10001100020000120261122090004' }).waitFor();
    await page.getByText('92 of at most 100').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.screenshot({ path: join(SCREENS, 'sync.png'), fullPage: true });
  });

  it('shows the dashboard cards and links to the approval queue, also right to left in Arabic', async () => {
    await page.goto(`${URL_BASE}?view=home&lang=ara`);
    await page.getByRole('heading', { name: 'تسجيلات اليوم' }).waitFor();
    assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir), 'rtl');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.screenshot({ path: join(SCREENS, 'home-cards-ara.png') });
    await page.getByRole('button', { name: /الموافقة على التسجيلات/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'الموافقة على التسجيلات' }).waitFor();
  });
});
