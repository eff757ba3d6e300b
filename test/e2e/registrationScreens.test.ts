import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from './helpers/axe';
import { fillDemographics, shownDate } from './helpers/fillDemographics';
import { ARTIFACTS, launchChromium, itSavingArtifacts } from './helpers/startApp';
import { listConfig, replaceConfig } from '../../electron/services/db/repos/syncConfig';
import { DOCUMENT_SIZE_KEY } from '../../electron/services/registration/drafts/DraftDocuments';
import { startInProcessApp, type InProcessApp } from './helpers/inProcessApp';
import { logIn } from './helpers/logIn';

const SCREENS = join(ARTIFACTS, 'screens');

/** What the page exposes (this file is type-checked without the DOM library). */
interface AppPage {
  document: { activeElement: { id: string } | null };
  scrollTo(x: number, y: number): void;
  print(): void;
  /** calls of the stubbed print() */
  printed?: number;
}

/**
 * The registration screens in Debian Chromium on the real back end (browser host, services and the
 * SBI device simulator in this process; the whole day with the MOSIP server is registration.test.ts):
 * keyboard flow, validation messages, captures with the simulator's qualities against the settings'
 * thresholds, the supervisor review's refusals, preview, receipt, axe on every screen, screenshots
 * at 1366×768. The tests share one back end; each logs in on a page of its own.
 */
describe('registration screens (browser host, real services, device simulator, Debian Chromium)', () => {
  let browser: Browser;
  let app: InProcessApp;
  let pdf: Buffer;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    [browser, app] = await Promise.all([launchChromium(), startInProcessApp()]);
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    pdf = Buffer.from(await doc.save());
    mkdirSync(SCREENS, { recursive: true });
  });
  after(async () => {
    await browser.close();
    await app.stop();
  });
  beforeEach(async () => {
    for (const device of app.devices.devices.values()) device.score = undefined;
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    // the page's clock is the back end's (22 November 2026)
    await page.clock.setFixedTime(app.backEnd.clock.now());
    page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  });
  afterEach(async () => {
    await context.close();
  });

  const it = itSavingArtifacts(() => ({ page, app: undefined }), { prefix: 'screens' });
  /** the UI language, as the header's menu switches it */
  const setLanguage = async (language: string) => {
    await page.getByTestId('language-select').selectOption(language);
    await page.locator(`html[lang]`).and(page.locator(language === 'ara' ? 'html[dir="rtl"]' : 'html[dir="ltr"]')).waitFor();
  };

  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const shot = async (name: string) => {
    await page.evaluate(() => (globalThis as unknown as AppPage).scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENS, `${name}.png`) });
  };
  const assertA11y = async (where: string) => assert.deepEqual(await seriousA11yViolations(page), [], where);
  const focusedId = () => page.evaluate(() => (globalThis as unknown as AppPage).document.activeElement?.id ?? '');

  /** logged in as officer1, on the process picker */
  async function toPicker() {
    await page.goto(app.url);
    await logIn(page);
    await page.getByRole('button', { name: 'New registration' }).click();
    await heading('New registration').waitFor();
  }
  async function startNew() {
    await toPicker();
    await page.getByRole('button', { name: 'Start registration' }).click();
    await heading('Consent').waitFor();
  }

  /** a new NEW registration on the biometrics screen, one PDF proof of identity attached */
  async function toBiometrics() {
    await startNew();
    await fillConsentAndDemographics();
    await page.keyboard.press('Alt+ArrowRight');
    await page.setInputFiles('#field-proofOfIdentity-file', { name: 'bi.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('document-proofOfIdentity').waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Biometric details').waitFor();
  }

  async function fillConsentAndDemographics() {
    await page.getByLabel(/I have read and accept/).check();
    await page.getByRole('radio', { name: 'Portuguese' }).check();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Demographic details').waitFor();
    await fillDemographics(page, { por: 'Maria da Graça', eng: 'Maria da Graca' });
  }

  it('walks a NEW registration by keyboard, with every screen accessible', async () => {
    await toPicker();
    assert.equal(await page.getByRole('checkbox', { name: 'Português' }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'English' }).isChecked(), true);
    await assertA11y('picker');
    await shot('1-process-picker');
    await page.getByRole('button', { name: 'Start registration' }).click();
    await heading('Consent').waitFor();
    assert.equal(await focusedId(), 'screen-heading', 'focus moves to the screen heading');

    // Next is blocked, with the list of issues and the message under the field
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByTestId('blocked-issues').waitFor();
    assert.match((await page.getByTestId('blocked-issues').textContent()) ?? '', /Fix 2 problems/);
    const describedBy = (await page.getByLabel(/I have read and accept/).getAttribute('aria-describedby')) ?? '';
    assert.match((await page.locator(`#${describedBy}`).textContent()) ?? '', /required/i);
    await assertA11y('consent, blocked');
    await shot('2-consent-blocked');

    await fillConsentAndDemographics();
    assert.equal(await shownDate(page, 'dateOfBirth'), '17/05/1990', 'typed day first; the preview shows the stored yyyy/MM/dd');
    assert.equal(await page.getAttribute('#field-fullName-por', 'lang'), 'pt-ST');
    assert.equal(await page.getAttribute('#field-fullName-eng', 'lang'), 'en');
    await assertA11y('demographics');
    await shot('3-demographics');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Documents').waitFor();

    await page.setInputFiles('#field-proofOfIdentity-file', { name: 'bi.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('document-proofOfIdentity').waitFor();
    assert.match((await page.getByTestId('document-proofOfIdentity').textContent()) ?? '', /Attached: National identity card/);
    await assertA11y('documents');
    await shot('4-documents');
    await page.getByRole('button', { name: 'Next' }).click();
    await heading('Biometric details').waitFor();

    // one missing finger → the exception photo is required
    await page.getByText(/Missing fingers or eyes/).first().click();
    await page.getByRole('checkbox', { name: 'Left little finger' }).check();
    await page.getByTestId('panel-exception-photo').waitFor();
    // the simulator's face camera streams its frames (SBI /stream) to the live image
    await page.getByTestId('panel-face').getByRole('button', { name: 'Show live image' }).click();
    await page.getByRole('img', { name: 'Live image: Face photo' }).waitFor();
    // Alt+C captures the panel holding focus (face, previewing), then the first still to capture
    await page.keyboard.press('Alt+c');
    await page.getByTestId('decision-face').waitFor();
    assert.equal(await page.getByRole('img', { name: 'Live image: Face photo' }).count(), 0, 'capturing stops the preview');
    await page.focus('#screen-heading');
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris']) {
      await page.keyboard.press('Alt+c');
      await page.getByTestId(`decision-${modality}`).waitFor();
    }
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByText('take the exception photo before continuing').waitFor();
    await page.getByTestId('panel-exception-photo').getByRole('button', { name: 'Capture' }).click();
    await page.getByTestId('decision-exception-photo').waitFor();
    assert.equal(await page.getByText('take the exception photo before continuing').count(), 0, 'the reminder goes once the photo is taken');
    await assertA11y('biometrics');
    await shot('5-biometrics');
    await page.keyboard.press('Alt+ArrowRight');

    await heading('Preview').waitFor();
    const preview = (await page.locator('main').textContent()) ?? '';
    for (const shown of [/Maria da Graça/, /Maria da Graca/, /Exceptions: Left little finger/, /1990\/05\/17/]) assert.match(preview, shown);
    await assertA11y('preview');
    await shot('6-preview');
    assert.equal(await page.getByRole('button', { name: 'Submit registration' }).isDisabled(), true, 'submit waits for the operator\'s confirmation');
    await page.getByLabel(/read the data back/).check();
    await page.getByRole('button', { name: 'Submit registration' }).click();

    const dialog = page.getByRole('dialog', { name: 'Confirm with your password' });
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((el) => el.matches(':modal')), true, 'a modal dialog: the page behind is inert');
    assert.match((await dialog.textContent()) ?? '', /as officer1\./, 'the dialog names the session operator');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.getByRole('button', { name: 'Submit registration' }).evaluate((el) => el === el.ownerDocument.activeElement), true, 'Escape cancels and focus returns to the submit button');
    await page.getByRole('button', { name: 'Submit registration' }).click();
    // the missing finger: a supervisor other than the officer reviews, each refusal on its own field
    const review = dialog.getByRole('group', { name: 'Supervisor review' });
    assert.equal(await page.getByRole('button', { name: 'Confirm and submit' }).isDisabled(), true, 'the supervisor is still missing');
    await dialog.getByLabel('Your password').fill('Officer#2026');
    await review.getByLabel('Supervisor’s user ID').fill('officer1');
    await review.getByLabel('Supervisor’s password').fill('Officer#2026');
    await review.getByLabel('Supervisor’s password').press('Enter');
    await review.getByRole('alert').filter({ hasText: 'You cannot review your own registration' }).waitFor();
    assert.equal(await review.getByLabel('Supervisor’s user ID').getAttribute('aria-invalid'), 'true');
    assert.equal(await review.getByLabel('Supervisor’s user ID').evaluate((el) => el === el.ownerDocument.activeElement), true, 'focus goes to the supervisor’s user ID');
    await review.getByLabel('Supervisor’s user ID').fill('supervisor1');
    await review.getByLabel('Supervisor’s password').fill('Supervisor#2026');
    await dialog.getByLabel('Your password').fill('wrong');
    await dialog.getByLabel('Your password').press('Enter');
    await dialog.getByRole('alert').filter({ hasText: '4 attempts left' }).waitFor();
    assert.equal(await review.getByRole('alert').count(), 0, 'the supervisor’s error is gone');
    assert.equal(await dialog.getByLabel('Your password').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByRole('button', { name: 'Confirm and submit' }).isDisabled(), true, 'the field is empty again');
    await assertA11y('authentication dialog');
    await shot('6b-authentication');
    await dialog.getByLabel('Your password').fill('Officer#2026');
    await dialog.getByLabel('Your password').press('Enter');

    await heading('Registration complete').waitFor({ timeout: 60_000 });
    // centre 10001, machine 10002, a sequence, and the back end's clock (22 November 2026, 09:00 UTC)
    const rid = (await page.getByTestId('rid').textContent()) ?? '';
    assert.match(rid, /^1000110002\d{5}20261122090000$/);
    assert.match((await page.getByTestId('receipt-download').getAttribute('href')) ?? '', /^blob:/);
    // the receipt on screen, in the resident's language (Portuguese in an English UI), with its QR code
    const receipt = page.getByRole('article', { name: 'Comprovativo de registo' });
    assert.deepEqual([await receipt.getAttribute('lang'), await receipt.getAttribute('dir')], ['pt-ST', 'ltr']);
    const qr = receipt.getByRole('img', { name: `Código QR do número de pedido ${rid}` });
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
    assert.equal(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), 92, 'the QR image decoded (21 modules and a one-module margin each side, 4 px each)');
    const receiptText = (await receipt.innerText()).replace(/\s+/g, ' ');
    // as the back end composed it: the document attached, the exception and its photo, the back end's date and machine
    const lines = [`N.º de pedido (RID) ${rid}`, 'Tipo de pedido Novo registo', 'Data 22/11/2026 09:00 UTC', 'Posto 10002', 'Nome completo Maria da Graça'];
    for (const expected of [...lines, 'Comprovativo de identidade Bilhete de identidade', 'Comprovativo de exceção biométrica EOP', 'Exceções (1) Mínimo esquerdo']) {
      assert.ok(receiptText.includes(expected), `"${expected}" in: ${receiptText}`);
    }
    // one keypress prints, from this page
    await page.evaluate(() => {
      const w = globalThis as unknown as AppPage;
      w.printed = 0;
      w.print = () => { w.printed = (w.printed ?? 0) + 1; };
    });
    await page.getByRole('button', { name: 'Print receipt' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => (globalThis as unknown as AppPage).printed), 1);
    await assertA11y('acknowledgement');
    await shot('7-acknowledgement');
    // printed, the page is the receipt alone
    await page.emulateMedia({ media: 'print' });
    assert.equal(await receipt.isVisible(), true);
    assert.equal(await qr.isVisible(), true);
    for (const other of [heading('Registration complete'), page.getByRole('button', { name: 'Print receipt' }), page.getByRole('button', { name: 'New registration' }), page.getByTestId('receipt-download'), page.getByText('Receipt of Maria da Graça')]) {
      assert.equal(await other.isVisible(), false, `hidden in print: ${other.toString()}`);
    }
    await shot('7b-acknowledgement-print');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await heading('Registration complete').isVisible(), true, 'back on screen, all is shown again');
    // an Arabic UI mirrors around the receipt, which stays Portuguese, left to right
    await setLanguage('ara');
    await page.getByRole('button', { name: 'طباعة الإيصال' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.deepEqual([await receipt.getAttribute('lang'), await receipt.getAttribute('dir'), await receipt.getByTestId('rid').textContent()], ['pt-ST', 'ltr', rid]);
    await assertA11y('acknowledgement in Arabic');
    await setLanguage('eng');
    await page.getByRole('button', { name: 'New registration' }).click();
    await heading('New registration').waitFor();
    await page.getByText(`Completed. Registration ID ${rid}.`).waitFor();
  });

  it('shows the message of the failing language under its input', async () => {
    await startNew();
    await fillConsentAndDemographics();
    await page.fill('#field-fullName-eng', 'M4ria');
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByTestId('blocked-issues').waitFor();
    assert.equal(await page.getAttribute('#field-fullName-eng', 'aria-invalid'), 'true');
    const underEnglish = await page.locator('#field-fullName-eng-issues').textContent();
    assert.ok(underEnglish && underEnglish.length > 0, 'a message under the English input');
    assert.equal(await page.locator('#field-fullName-por-issues').textContent(), '', 'none under the Portuguese one');
    assert.match((await page.getByTestId('blocked-issues').textContent()) ?? '', /Full name \(English\)/);
    await page.fill('#field-fullName-eng', 'Maria');
    await page.getByTestId('blocked-issues').waitFor({ state: 'detached' });
    await heading('Demographic details').waitFor();
  });

  it('retries a low-quality capture, then shows it force-captured', async () => {
    await toBiometrics();
    // the simulator's finger scanner gives every finger the quality set here, attempt by attempt
    const fingers = app.devices.device('finger');
    const panel = page.getByTestId('panel-left-slap');
    const tiles = () => panel.getByRole('list', { name: 'Attempts (threshold 40)' }).getByRole('listitem').allTextContents();
    fingers.score = 12;
    await panel.getByRole('button', { name: 'Capture' }).click();
    await panel.getByText('Quality too low: capture again').waitFor();
    await panel.getByText('2 attempts left').waitFor();
    assert.deepEqual(await tiles(), ['Attempt 1▼ 12 below★ kept']);
    fingers.score = 25;
    await panel.getByRole('button', { name: 'Capture again' }).click();
    await panel.getByText('1 attempt left').waitFor();
    assert.deepEqual(await tiles(), ['Attempt 1▼ 12 below', 'Attempt 2▼ 25 below★ kept'], 'a better retry is kept');
    fingers.score = 22;
    await panel.getByRole('button', { name: 'Capture again' }).click();
    await panel.getByText('force-captured').waitFor();
    assert.match((await panel.textContent()) ?? '', /Quality 22 \(threshold 40\)/);
    assert.equal(await panel.getByRole('button', { name: 'Capture' }).isDisabled(), true);
    // the force-capture keeps the best attempt (2), not the last one
    assert.deepEqual(await tiles(), ['Attempt 1▼ 12 below', 'Attempt 2▼ 25 below★ kept', 'Attempt 3▼ 22 below']);

    const right = page.getByTestId('panel-right-slap');
    fingers.score = 80;
    await right.getByRole('button', { name: 'Capture' }).click();
    await right.getByTestId('decision-right-slap').filter({ hasText: 'Accepted' }).waitFor();
    assert.deepEqual(await right.getByRole('list', { name: 'Attempts (threshold 40)' }).getByRole('listitem').allTextContents(), ['Attempt 1▲ 80 above★ kept']);
    // accepted with attempts left: the operator may still capture again (MOSIP keeps the best)
    await right.getByText('2 attempts left').waitFor();
    assert.equal(await right.getByRole('button', { name: 'Capture again' }).isEnabled(), true);
    await assertA11y('biometrics with attempt tiles');
    await shot('5c-biometrics-attempts');
  });

  it('marks a missing finger on the hand picture by keyboard, crossed out, left hand still left in Arabic', async () => {
    await toBiometrics();

    const summary = page.locator('summary').filter({ hasText: 'Missing fingers or eyes' });
    await summary.focus();
    await page.keyboard.press('Enter');
    const little = page.getByRole('checkbox', { name: 'Left little finger' });
    await little.waitFor();
    // the picture reads left to right: the left hand's little finger is the first stop after the summary
    await page.keyboard.press('Tab');
    assert.equal(await little.evaluate((el) => el === el.ownerDocument.activeElement), true, 'Tab reaches the finger');
    await page.keyboard.press('Space');
    assert.equal(await little.getAttribute('aria-checked'), 'true');
    await page.getByTestId('panel-exception-photo').waitFor();
    assert.equal(await little.locator('.bodypart__cross line').count(), 2, 'crossed out, not only coloured');
    await page.getByText('Marked missing: Left little finger').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Right little finger' }).getAttribute('aria-checked'), 'false');
    assert.equal(await page.getByRole('checkbox').count(), 12, 'ten fingers and two eyes, each a checkbox');
    // WCAG 2.5.8: every finger and eye is a target of at least 24×24 CSS px, and a hand's fingers
    // stay side by side, left to right as drawn, without overlapping
    const boxes = await page.getByRole('checkbox').evaluateAll((els) => els.map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.getAttribute('aria-label') ?? '', x: r.x, w: r.width, h: r.height };
    }));
    assert.deepEqual(boxes.filter((b) => b.w < 24 || b.h < 24), [], 'targets under 24×24');
    const leftFingers = boxes.filter((b) => /^Left (little finger|ring|middle|index)$/.test(b.name));
    assert.equal(leftFingers.length, 4);
    for (let n = 1; n < leftFingers.length; n++) assert.ok(leftFingers[n]!.x >= leftFingers[n - 1]!.x + leftFingers[n - 1]!.w, `${leftFingers[n]!.name} overlaps its neighbour`);
    await assertA11y('exception picture with a finger marked');

    await setLanguage('ara');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    // mid-form in Arabic: what the app owns is Arabic; the synced spec has no Arabic labels, so the
    // step names and heading are in the registration's first language (Portuguese), not English
    await heading('Dados biométricos').waitFor();
    const steps = page.getByRole('navigation', { name: 'مراحل التسجيل' });
    assert.deepEqual(await steps.getByRole('listitem').allTextContents(), ['1. Consentimento', '2. Dados demográficos', '3. Documentos', '4. Dados biométricos', '5. معاينة']);
    await page.getByTestId('panel-face').getByRole('heading', { name: 'صورة الوجه' }).waitFor();
    const leftHand = page.getByRole('group', { name: 'اليد اليسرى' });
    const rightHand = page.getByRole('group', { name: 'اليد اليمنى' });
    const [leftBox, rightBox] = [await leftHand.boundingBox(), await rightHand.boundingBox()];
    assert.ok(leftBox && rightBox && leftBox.x < rightBox.x, 'the resident\'s left hand stays on the left of the picture in Arabic');
    const ring = page.getByRole('checkbox', { name: 'البنصر الأيسر' });
    await ring.focus();
    await page.keyboard.press('Space');
    await page.getByText('المحدَّد كمفقود: الخنصر الأيسر، البنصر الأيسر').waitFor();
    await assertA11y('exception picture in Arabic');
    await shot('5d-exceptions-arabic');
    await page.keyboard.press('Space');
    assert.equal(await ring.getAttribute('aria-checked'), 'false', 'Space unmarks it again');
  });

  it('shows the back end\'s size-limit error for a document above the synced limit', async () => {
    await startNew();
    await fillConsentAndDemographics();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Documents').waitFor();
    // MOSIP's mosip.registration.document_size, as the server's config sync sets it: below this PDF's size
    const db = app.backEnd.services.data.db;
    const synced = listConfig(db, 'registration');
    replaceConfig(db, 'registration', { ...synced, [DOCUMENT_SIZE_KEY]: '2048' }, app.backEnd.clock.now());
    const big = await PDFDocument.create();
    for (let i = 0; i < 60; i++) big.addPage([595, 842]);
    const bytes = Buffer.from(await big.save({ useObjectStreams: false }));
    assert.ok(bytes.length > 2048, `the PDF is above the limit: ${bytes.length} bytes`);
    try {
      await page.setInputFiles('#field-proofOfAddress-file', { name: 'big.pdf', mimeType: 'application/pdf', buffer: bytes });
      const error = page.locator('[data-error-code="ERR_REG_DOCUMENT_TOO_LARGE"]');
      await error.waitFor();
      assert.match((await error.textContent()) ?? '', /“Comprovativo de morada” is \d+ KB, above the limit of 2 KB/);
      assert.equal(await page.getByTestId('document-proofOfAddress').count(), 0, 'nothing attached');
    } finally {
      replaceConfig(db, 'registration', synced, app.backEnd.clock.now());
    }
  });
});
