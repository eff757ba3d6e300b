import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from './helpers/axe';
import { logIn } from './helpers/logIn';
import { shownDate } from './helpers/fillDemographics';
import { launchChromium, startApp, type RunningApp, itSavingArtifacts } from './helpers/startApp';

/** The demo server simulator's first seeded application (test/sims/mosip/preRegSeed.ts). */
const MARIA = '37162804952017';

/**
 * Pre-registration in Debian Chromium against the real app and the demo server simulator (its
 * first sync downloads the centre's applications): an unknown PRID gets its message, then Maria's
 * PRID typed + Enter fills her names in Português and English, her codes, and both documents.
 */
describe('pre-registration fetch (browser host, demo server simulator, Debian Chromium)', () => {
  let browser: Browser;
  let app: RunningApp;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    app = await startApp([], { simulators: true });
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
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

  it('refuses an unknown PRID with its message, then fills the form from a downloaded application', async () => {
    step('log in as officer and start NEW in Português + English');
    await page.goto(app.url);
    await logIn(page);
    await page.getByRole('button', { name: 'New registration' }).click();
    await page.getByRole('button', { name: 'Start registration' }).click();
    await heading('Consent').waitFor();
    await page.getByLabel(/I have read and accept/).check();
    await page.getByRole('radio', { name: 'Portuguese' }).check();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Demographic details').waitFor();

    step('a malformed and an unknown PRID are refused with a message saying what to do');
    const box = page.getByRole('textbox', { name: 'Pre-registration ID' });
    await box.fill('12345');
    await box.press('Enter');
    const alert = page.locator('#prereg-message [role=alert]');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-error-code'), 'ERR_REG_PREREG_INVALID_ID');
    assert.match((await alert.textContent()) ?? '', /exactly 14 digits/);
    await box.fill('11112222333344');
    await box.press('Enter');
    await page.locator('#prereg-message [data-error-code=ERR_REG_PREREG_UNKNOWN]').waitFor();
    assert.match((await alert.textContent()) ?? '', /No pre-registration application 11112222333344 was found/);
    assert.equal(await page.inputValue('#field-fullName-por'), '', 'nothing was filled');
    assert.deepEqual(await seriousA11yViolations(page), [], 'demographics with the PRID error');

    step('Maria’s PRID + Enter fills the form from the copy the first sync downloaded');
    await box.fill(MARIA);
    await box.press('Enter');
    const done = page.locator('#prereg-message [role=status]');
    await done.waitFor();
    assert.match((await done.textContent()) ?? '', new RegExp(`Pre-registration ${MARIA} filled \\d+ fields from the copy downloaded`));
    assert.equal(await page.inputValue('#field-fullName-por'), 'Maria da Graça Quaresma');
    assert.equal(await page.inputValue('#field-fullName-eng'), 'Maria da Graca Quaresma');
    assert.equal(await page.inputValue('#field-addressLine1-eng'), '12 Third of February Street');
    assert.equal(await shownDate(page, 'dateOfBirth'), '14/03/1988');
    assert.deepEqual([await page.inputValue('#field-gender'), await page.inputValue('#field-region'), await page.inputValue('#field-province')], ['FLE', 'ST', 'AGR']);
    assert.deepEqual(await seriousA11yViolations(page), [], 'demographics prefilled');

    step('the documents came with it, as stored PDFs');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Documents').waitFor();
    await page.getByTestId('document-proofOfIdentity').waitFor();
    await page.getByTestId('document-proofOfAddress').waitFor();
  });
});
