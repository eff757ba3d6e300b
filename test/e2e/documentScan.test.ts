import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { listConfig, replaceConfig } from '../../electron/services/db/repos/syncConfig';
import { DOCUMENT_SIZE_KEY } from '../../electron/services/registration/drafts/DraftDocuments';
import { seriousA11yViolations } from './helpers/axe';
import { fillDemographics } from './helpers/fillDemographics';
import { startInProcessApp, type InProcessApp } from './helpers/inProcessApp';
import { logIn } from './helpers/logIn';
import { startProcess } from './helpers/startProcess';
import { ARTIFACTS, CAMERA_ARGS, itSavingArtifacts, launchChromium } from './helpers/startApp';

const SCREENS = join(ARTIFACTS, 'screens');

/** What the page exposes (this file is type-checked without the DOM library). */
interface ScanPage {
  scanStreams: { getTracks(): { readyState: string }[] }[];
}

/** Keeps every stream the page gets, so the test can see that the camera was stopped. */
function recordStreams(): void {
  const page = globalThis as unknown as ScanPage & { navigator: { mediaDevices: { getUserMedia(c: unknown): Promise<ScanPage['scanStreams'][number]> } } };
  page.scanStreams = [];
  const devices = page.navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    page.scanStreams.push(stream);
    return stream;
  };
}

/**
 * The "Scan with camera" panel in Debian Chromium with Chromium's fake cameras, on the real back end
 * through the browser host (inProcessApp.ts; 127.0.0.1 is a secure context, so the camera may be
 * asked for): pages by keyboard, the chooser, attach (the back end makes one PDF and applies the
 * synced size limit), the camera stopped on every way out, the refusal message, axe, Arabic, 1366×768.
 */
describe('document scan with the camera (browser host, real services, Debian Chromium, fake camera)', () => {
  let browser: Browser;
  let app: InProcessApp;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  /** the calls the page sent over the browser host's socket, as [method, input] */
  let sent: [string, unknown][] = [];

  before(async () => {
    [browser, app] = await Promise.all([launchChromium(CAMERA_ARGS), startInProcessApp()]);
    mkdirSync(SCREENS, { recursive: true });
  });
  after(async () => {
    await browser.close();
    await app.stop();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });

  const it = itSavingArtifacts(() => ({ page, app: undefined }), { prefix: 'scan' });
  const p = () => {
    assert.ok(page, 'the page is open');
    return page;
  };
  const heading = (name: string) => p().getByRole('heading', { level: 1, name, exact: true });
  const dialog = () => p().getByRole('dialog');
  const assertA11y = async (where: string) => assert.deepEqual(await seriousA11yViolations(p()), [], where);
  const isFocused = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === el.ownerDocument.activeElement);
  const liveTracks = () => p().evaluate(() => (globalThis as unknown as ScanPage).scanStreams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length);
  const streamCount = () => p().evaluate(() => (globalThis as unknown as ScanPage).scanStreams.length);

  /** A new page on the Documents screen; `camera` grants the camera permission (else it is refused). */
  async function toDocuments(camera: boolean) {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(15_000);
    if (camera) await context.grantPermissions(['camera'], { origin: new URL(app.url).origin });
    page = await context.newPage();
    // the page's clock is the back end's (22 November 2026)
    await page.clock.setFixedTime(app.backEnd.clock.now());
    page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
    sent = [];
    page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { method?: string; input?: unknown };
      if (frame.method) sent.push([frame.method, frame.input]);
    }));
    await page.addInitScript(recordStreams);
    await page.goto(app.url);
    await logIn(page);
    await startProcess(page, { firstScreen: 'Demographic details' });
    await fillDemographics(page, { por: 'Maria da Graça', eng: 'Maria da Graça' });
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Documents').waitFor();
  }

  /** Opens proofOfIdentity's panel and waits for the live camera (focus lands on "Take page"). */
  async function openLivePanel() {
    await p().click('#field-proofOfIdentity-scan');
    await dialog().waitFor();
    const take = dialog().getByRole('button', { name: 'Take page' });
    await p().waitForFunction(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent === 'Take page');
    assert.equal(await take.isEnabled(), true);
    return take;
  }

  it('takes pages by keyboard, removes one, attaches two as one document and stops the camera', async () => {
    await toDocuments(true);
    const take = await openLivePanel();
    assert.equal(await dialog().evaluate((el) => el.matches(':modal')), true, 'a modal dialog: the form behind is inert');
    assert.match((await dialog().getByRole('heading', { level: 2 }).textContent()) ?? '', /^Scan: /);
    assert.equal(await dialog().getByLabel('Live camera image').isVisible(), true);

    // two fake cameras: the chooser lists both, and switching restarts the stream on the other
    const chooser = dialog().getByLabel('Camera', { exact: true });
    assert.deepEqual(await chooser.locator('option').allTextContents(), ['fake_device_0', 'fake_device_1']);
    await chooser.selectOption({ label: 'fake_device_1' });
    await p().waitForFunction(() => (globalThis as unknown as ScanPage).scanStreams.length === 2);
    await p().waitForFunction(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent === 'Take page');
    assert.equal(await chooser.inputValue(), await chooser.locator('option', { hasText: 'fake_device_1' }).getAttribute('value'));
    assert.equal(await liveTracks(), 1, 'the first camera was stopped when the other started');

    await p().keyboard.press('Enter');
    await dialog().getByRole('img', { name: 'Page 1' }).waitFor();
    await p().keyboard.press('Space');
    await dialog().getByRole('img', { name: 'Page 2' }).waitFor();
    await take.press('Enter');
    await dialog().getByRole('img', { name: 'Page 3' }).waitFor();
    assert.equal(await dialog().getByRole('heading', { level: 3 }).textContent(), '3 pages taken');
    assert.match((await dialog().getByRole('img', { name: 'Page 1' }).getAttribute('src')) ?? '', /^data:image\/jpeg;base64,\/9j\//);

    await dialog().getByRole('button', { name: 'Remove page 2' }).click();
    assert.equal(await dialog().getByRole('img').count(), 2);
    assert.equal(await isFocused(take), true, 'focus goes back to Take page');
    await assertA11y('scan panel with pages');
    const box = await dialog().boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 768, `the panel fits 1366×768: ${JSON.stringify(box)}`);
    await p().screenshot({ path: join(SCREENS, '4b-document-scan.png') });

    // the back end refuses the size (the synced mosip.registration.document_size, here 2 KB): the message shows in the panel, the pages stay
    const db = app.backEnd.services.data.db;
    const synced = listConfig(db, 'registration');
    replaceConfig(db, 'registration', { ...synced, [DOCUMENT_SIZE_KEY]: '2048' }, app.backEnd.clock.now());
    try {
      await dialog().getByRole('button', { name: 'Attach 2 pages' }).click();
      const tooLarge = dialog().locator('[data-error-code="ERR_REG_DOCUMENT_TOO_LARGE"]');
      await tooLarge.waitFor();
      assert.match((await tooLarge.textContent()) ?? '', /above the limit of 2 KB/);
      assert.equal(await dialog().getByRole('img').count(), 2, 'nothing taken is lost');
    } finally {
      replaceConfig(db, 'registration', synced, app.backEnd.clock.now());
    }
    await dialog().getByRole('button', { name: 'Attach 2 pages' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await p().getByTestId('document-proofOfIdentity').waitFor();
    assert.match((await p().getByTestId('document-proofOfIdentity').textContent()) ?? '', /Attached: /);
    type Attach = { fieldId: string; files: { name: string; mimeType: string }[] };
    const attaches = sent.filter(([method]) => method === 'drafts.attachDocument').map(([, input]) => input as Attach);
    const pages = ['proofOfIdentity', [['scan-page-1.jpg', 'image/jpeg'], ['scan-page-2.jpg', 'image/jpeg']]];
    assert.deepEqual(attaches.map((c) => [c.fieldId, c.files.map((f) => [f.name, f.mimeType])]), [pages, pages], 'the same two pages, refused then attached');
    // the back end keeps one PDF of the pages in the draft
    const drafts = (await app.backEnd.api['drafts.list']({})).items;
    const kept = await Promise.all(drafts.map(async (d) => (await app.backEnd.api['drafts.get']({ draftId: d.draftId })).values['proofOfIdentity']));
    assert.ok(kept.some((v) => v?.type === 'document' && v.format === 'pdf'), JSON.stringify(kept));
    assert.equal(await liveTracks(), 0, 'the camera is stopped once the panel closes');
    assert.equal(await isFocused(p().locator('#field-proofOfIdentity-scan')), true, 'focus returns to the button that opened the panel');
  });

  it('closes on Escape and on leaving the screen, stopping the camera each time', async () => {
    await toDocuments(true);
    await openLivePanel();
    await p().keyboard.press('Enter');
    await dialog().getByRole('img', { name: 'Page 1' }).waitFor();
    await p().keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    assert.equal(await liveTracks(), 0, 'Escape stops the camera');
    assert.equal(await streamCount() > 0, true);

    await openLivePanel();
    assert.equal(await dialog().getByRole('img').count(), 0, 'a cancelled scan does not come back');
    assert.equal(await liveTracks(), 1);
    await p().keyboard.press('Alt+ArrowLeft');
    await heading('Demographic details').waitFor();
    assert.equal(await dialog().count(), 0);
    assert.equal(await liveTracks(), 0, 'leaving the screen stops the camera');
    await p().keyboard.press('Alt+ArrowRight');
    await heading('Documents').waitFor();
    assert.equal(await dialog().count(), 0, 'the panel does not reopen by itself');
  });

  it('says in plain words that camera access was refused, and what to do', async () => {
    await toDocuments(false);
    await p().click('#field-proofOfIdentity-scan');
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-problem'), 'denied');
    assert.match((await alert.textContent()) ?? '', /Access to the camera was refused\. Allow the camera .* then press Try again\./);
    assert.equal(await isFocused(dialog().getByRole('button', { name: 'Try again' })), true, 'focus goes to Try again');
    assert.equal(await dialog().getByRole('button', { name: 'Take page' }).isDisabled(), true);
    await assertA11y('scan panel, camera refused');
    await p().keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  });

  it('mirrors the panel right-to-left in Arabic', async () => {
    await toDocuments(true);
    await p().getByTestId('language-select').selectOption('ara');
    await p().locator('html[dir="rtl"]').waitFor();
    await p().click('#field-proofOfIdentity-scan');
    await dialog().getByRole('button', { name: 'التقاط صفحة' }).waitFor();
    await p().waitForFunction(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent === 'التقاط صفحة');
    await p().keyboard.press('Enter');
    await dialog().getByRole('img', { name: 'الصفحة 1' }).waitFor();
    assert.equal(await dialog().getByRole('button', { name: 'إرفاق الصفحات (1)' }).isEnabled(), true);
    await assertA11y('scan panel in Arabic');
    await p().screenshot({ path: join(SCREENS, '4c-document-scan-ara.png') });
  });
});
