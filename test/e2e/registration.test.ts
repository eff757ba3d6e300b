import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from './helpers/axe';
import { ARTIFACTS, launchChromium, startApp, type RunningApp, itSavingArtifacts } from './helpers/startApp';

const SCREENS = join(ARTIFACTS, 'screens');
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');

/**
 * A whole registration in Debian Chromium against the browser host, the demo server and the SBI
 * device simulator (started by `--demo`): officer login → NEW in Português + English → an invalid
 * field blocks Next → documents → a crash (reload) and resume from the draft → biometrics with one
 * missing finger and its exception photo, one capture retried then force-captured → preview →
 * submit → receipt. axe on every screen; screenshots at 1366×768 for the README.
 */
describe('registration (browser host, device simulator, Debian Chromium)', () => {
  let browser: Browser;
  let app: RunningApp;
  let context: BrowserContext;
  let page: Page;
  // a port range of our own, so the admin calls reach this run's device simulator
  const sbiFrom = 21000 + Math.floor(Math.random() * 400) * 20;

  let pdf: Buffer;

  before(async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    pdf = Buffer.from(await doc.save());
    browser = await launchChromium();
    mkdirSync(SCREENS, { recursive: true });
  });
  after(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    app = await startApp([], { simulators: true, sbiPorts: `${sbiFrom}-${sbiFrom + 19}` });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
    await app.stop();
  });

  const it = itSavingArtifacts(() => ({ page, app }));

  const step = (what: string) => console.log(`  · ${what}`);
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  const shot = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENS, `${name}.png`) });
  };
  const assertA11y = async (where: string) => assert.deepEqual(await seriousA11yViolations(page), [], where);

  /** MockMDS admin API of this run's simulator (any of its ports answers for every device). */
  async function setScore(type: 'Finger' | 'Face' | 'Iris', qualityScore: number) {
    for (let port = sbiFrom; port < sbiFrom + 20; port++) {
      try {
        const reply = await fetch(`http://127.0.0.1:${port}/admin/score`, { method: 'POST', body: JSON.stringify({ type, qualityScore: String(qualityScore) }) });
        if (reply.ok) return;
      } catch {
        // nothing on this port: the simulator took the first free ones of the range
      }
    }
    throw new Error(`no device simulator on ${sbiFrom}-${sbiFrom + 19}`);
  }

  async function logIn() {
    await page.locator('#login-user').waitFor();
    await page.getByTestId('language-select').selectOption('eng');
    await page.fill('#login-user', 'officer1');
    await page.fill('#login-password', 'Officer#2026');
    await page.press('#login-password', 'Enter');
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
  }

  it('registers a resident from login to receipt, through a crash, a missing finger and a forced capture', async () => {
    step('log in; home offers a new registration');
    await page.goto(app.url);
    await logIn();
    await page.getByRole('button', { name: 'New registration' }).click();
    await heading('New registration').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Português' }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'English' }).isChecked(), true);
    await assertA11y('picker');
    await shot('app-1-process-picker');
    await page.getByRole('button', { name: 'Start registration' }).click();
    await heading('Consent').waitFor();

    step('consent, then an invalid name blocks Next with its message');
    await page.getByLabel(/I have read and accept/).check();
    await page.getByRole('radio', { name: 'Portuguese' }).check();
    await assertA11y('consent');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Demographic details').waitFor();
    for (const [id, por, eng] of [['fullName', 'Maria da Graça Neves', 'Maria da Graca Neves'], ['city', 'Trindade', 'Trindade'], ['addressLine1', 'Rua da Sé 12', 'Rua da Se 12']]) {
      await page.fill(`#field-${id}-por`, por!);
      await page.fill(`#field-${id}-eng`, eng!);
    }
    await page.fill('#field-dateOfBirth', '1990/05/17');
    await page.selectOption('#field-gender', 'FLE');
    await page.selectOption('#field-residenceStatus', 'NAT');
    await page.selectOption('#field-region', 'ST');
    await page.selectOption('#field-province', 'AGR');
    await page.fill('#field-fullName-eng', 'M4ria');
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByTestId('blocked-issues').waitFor();
    assert.match((await page.getByTestId('blocked-issues').textContent()) ?? '', /Full name \(English\)/);
    assert.notEqual(await page.locator('#field-fullName-eng-issues').textContent(), '');
    await assertA11y('demographics, blocked');
    await shot('app-2-demographics-blocked');
    await page.fill('#field-fullName-eng', 'Maria da Graca Neves');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Documents').waitFor();

    step('documents: an image and a PDF through drafts.attachDocument');
    await page.setInputFiles('#field-proofOfIdentity-file', { name: 'bi.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await page.getByTestId('document-proofOfIdentity').waitFor();
    await page.setInputFiles('#field-proofOfAddress-file', { name: 'fatura.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('document-proofOfAddress').waitFor();
    await assertA11y('documents');
    await shot('app-3-documents');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Biometric details').waitFor();

    step('crash: reload the page, then resume the draft from the home screen');
    await page.reload();
    // whether a reload keeps the session is the host's business: log in again when asked
    const loginForm = page.locator('#login-user');
    await loginForm.or(page.getByRole('heading', { name: 'Today', exact: true })).waitFor();
    if (await loginForm.isVisible()) await logIn();
    const draftRow = page.getByTestId('draft-row').filter({ hasText: 'Maria da Graça Neves' });
    await draftRow.waitFor();
    await draftRow.getByRole('button', { name: 'Resume' }).click();
    await heading('Biometric details').waitFor();
    assert.equal(await page.getByTestId('document-proofOfIdentity').count(), 0, 'resumed on the screen it was saved on');

    step('biometrics: live preview, one missing finger, a low-quality slap retried then force-captured');
    const face = page.getByTestId('panel-face');
    await face.getByRole('button', { name: 'Show live image' }).click();
    await face.getByRole('img', { name: 'Live image: Face photo' }).waitFor();
    await face.getByRole('button', { name: 'Stop live image' }).click();
    await page.getByText(/Missing fingers or eyes/).first().click();
    await page.getByRole('checkbox', { name: 'Left little finger' }).check();
    await page.getByTestId('panel-exception-photo').waitFor();
    await setScore('Finger', 20);
    const right = page.getByTestId('panel-right-slap');
    await right.getByRole('button', { name: 'Capture' }).click();
    await right.getByText('Quality too low: capture again').waitFor({ timeout: 40_000 });
    await right.getByRole('button', { name: 'Capture again' }).click();
    await right.getByText('1 attempt left').waitFor({ timeout: 40_000 });
    await right.getByRole('button', { name: 'Capture again' }).click();
    await right.getByText(/force-captured/).waitFor({ timeout: 40_000 });
    await setScore('Finger', 90);
    await page.focus('#screen-heading');
    for (const modality of ['left-slap', 'thumbs', 'iris', 'face']) {
      await page.keyboard.press('Alt+c');
      await page.getByTestId(`decision-${modality}`).waitFor({ timeout: 40_000 });
    }
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByText('take the exception photo before continuing').waitFor();
    await page.getByTestId('panel-exception-photo').getByRole('button', { name: 'Capture' }).click();
    await page.getByTestId('decision-exception-photo').waitFor({ timeout: 40_000 });
    await assertA11y('biometrics');
    await shot('app-4-biometrics');
    await page.keyboard.press('Alt+ArrowRight');

    step('preview: both languages, documents, exceptions; submit after confirmation');
    await heading('Preview').waitFor();
    await page.getByText('Checking the registration…').waitFor({ state: 'detached' });
    const preview = (await page.locator('main').textContent()) ?? '';
    assert.match(preview, /Maria da Graça Neves/);
    assert.match(preview, /Maria da Graca Neves/);
    assert.match(preview, /Exceptions: Left little finger/);
    assert.match(preview, /Kept after the last attempt/);
    await assertA11y('preview');
    await shot('app-5-preview');
    await page.getByLabel(/read the data back/).check();
    await page.getByRole('button', { name: 'Submit registration' }).click();

    step('operator authentication: a wrong password is refused in the dialog, then the right one submits');
    const dialog = page.getByRole('dialog', { name: 'Confirm with your password' });
    await dialog.waitFor();
    const password = dialog.getByLabel('Your password');
    assert.equal(await password.evaluate((el) => el === el.ownerDocument.activeElement), true, 'focus starts in the password field');
    assert.equal(await dialog.evaluate((el) => el.matches(':modal')), true, 'a modal dialog: the page behind is inert');
    await assertA11y('authentication dialog');
    await password.fill('Officer#2025');
    await password.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'The password is not correct' }).waitFor();
    assert.equal(await password.inputValue(), '', 'the refused password is cleared');
    assert.equal(await heading('Preview').isVisible(), true, 'still on the preview: nothing was built');
    await assertA11y('authentication dialog with its error');
    await shot('app-5b-authentication');
    await password.fill('Officer#2026');
    await dialog.getByRole('button', { name: 'Confirm and submit' }).click();

    step('acknowledgement: RID and receipt');
    await heading('Registration complete').waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('rid').textContent()) ?? '', /^\d{29}$/);
    assert.match((await page.getByTestId('receipt-download').getAttribute('href')) ?? '', /^blob:/);
    await assertA11y('acknowledgement');
    await shot('app-6-acknowledgement');
    await page.getByRole('button', { name: 'Back to home' }).click();
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await page.getByText('No registration in progress.').waitFor();
  });
});
