import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from './helpers/axe';
import { ARTIFACTS, launchChromium, itSavingArtifacts } from './helpers/startApp';
import { startInProcessApp, type InProcessApp } from './helpers/inProcessApp';
import { logIn } from './helpers/logIn';

const SCREENS = join(ARTIFACTS, 'screens');

/** The process picker: an UPDATE's groups, and the picker in Arabic and Portuguese (split from registrationScreens.test.ts). */
describe('process picker (browser host, real services, Debian Chromium)', () => {
  let browser: Browser;
  let app: InProcessApp;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    [browser, app] = await Promise.all([launchChromium(), startInProcessApp()]);
    mkdirSync(SCREENS, { recursive: true });
  });
  after(async () => {
    await browser.close();
    await app.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await page.clock.setFixedTime(app.backEnd.clock.now());
  });
  afterEach(async () => {
    await context.close();
  });

  const it = itSavingArtifacts(() => ({ page, app: undefined }), { prefix: 'picker' });
  const setLanguage = async (language: string) => {
    await page.getByTestId('language-select').selectOption(language);
    await page.locator(`html[lang]`).and(page.locator(language === 'ara' ? 'html[dir="rtl"]' : 'html[dir="ltr"]')).waitFor();
  };
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const shot = (name: string) => page.screenshot({ path: join(SCREENS, `${name}.png`) });
  const assertA11y = async (where: string) => assert.deepEqual(await seriousA11yViolations(page), [], where);
  async function toPicker() {
    await page.goto(app.url);
    await logIn(page);
    await page.getByRole('button', { name: 'New registration' }).click();
    await heading('New registration').waitFor();
  }

  it('lets an UPDATE choose the groups to change, and shows only those fields', async () => {
    await toPicker();
    await page.getByRole('radio', { name: 'Update UIN' }).check();
    await page.getByRole('button', { name: 'Start registration' }).click();
    await heading('Consent').waitFor();
    await page.getByRole('checkbox', { name: 'Phone' }).check();
    await page.getByLabel(/I have read and accept/).check();
    await page.getByRole('radio', { name: 'Portuguese' }).check();
    await assertA11y('update, groups');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Demographic details').waitFor();
    assert.equal(await page.locator('#field-phone').count(), 1);
    assert.equal(await page.locator('#field-fullName-por').count(), 0, 'a group not chosen is not shown');
  });

  it('renders the picker right-to-left in Arabic and in Portuguese by default strings', async () => {
    await toPicker();
    await setLanguage('ara');
    await heading('تسجيل جديد').waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await setLanguage('por');
    await heading('Novo registo').waitFor();
    await page.getByRole('button', { name: 'Iniciar registo' }).click();
    await heading('Consentimento').waitFor();
    await assertA11y('consent in Portuguese');
    await shot('8-consentimento-portugues');
  });
});
