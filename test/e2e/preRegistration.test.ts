import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { seriousA11yViolations } from './helpers/axe';
import { logIn } from './helpers/logIn';
import { shownDate } from './helpers/fillDemographics';
import { itSavingArtifacts } from './helpers/startApp';
import { startProcess } from './helpers/startProcess';
import { useStartedApp } from './helpers/useStartedApp';

/** The demo server simulator's first seeded application (test/sims/mosip/preRegSeed.ts). */
const MARIA = '37162804952017';

/**
 * Pre-registration in Debian Chromium against the real app and the demo server simulator (its
 * first sync downloads the centre's applications): an unknown PRID gets its message, then Maria's
 * PRID typed + Enter fills her names in Português and English, her codes, and both documents.
 */
describe('pre-registration fetch (browser host, demo server simulator, Debian Chromium)', () => {
  // one test: a fresh app for it either way
  const e2e = useStartedApp({ appPer: 'test', simulators: true, timeoutMs: 20_000 });

  const it = itSavingArtifacts(e2e.current);
  const step = (what: string) => console.log(`  · ${what}`);
  const heading = (name: string) => e2e.page.getByRole('heading', { level: 1, name, exact: true });

  it('refuses an unknown PRID with its message, then fills the form from a downloaded application', async () => {
    const { page, app } = e2e;
    step('log in as officer and start NEW in Português + English');
    await page.goto(app.url);
    await logIn(page);
    await startProcess(page, { firstScreen: 'Demographic details' });

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
