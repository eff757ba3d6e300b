import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe } from 'node:test';
import { seriousA11yViolations } from './helpers/axe';
import { ARTIFACTS, itSavingArtifacts } from './helpers/startApp';
import { useInProcessApp } from './helpers/useInProcessApp';
import { logIn } from './helpers/logIn';

const SCREENS = join(ARTIFACTS, 'screens');

/** The process picker: an UPDATE's groups, and the picker in Arabic and Portuguese (split from registrationScreens.test.ts). */
describe('process picker (browser host, real services, Debian Chromium)', () => {
  // the tests share the app as before, each on a page of its own on the back end's clock
  const e2e = useInProcessApp({ timeoutMs: 15_000 });

  before(() => {
    mkdirSync(SCREENS, { recursive: true });
  });

  const it = itSavingArtifacts(e2e.current, { prefix: 'picker' });
  const setLanguage = async (language: string) => {
    await e2e.page.getByTestId('language-select').selectOption(language);
    await e2e.page.locator(`html[lang]`).and(e2e.page.locator(language === 'ara' ? 'html[dir="rtl"]' : 'html[dir="ltr"]')).waitFor();
  };
  const heading = (name: string) => e2e.page.getByRole('heading', { level: 1, name, exact: true });
  const shot = (name: string) => e2e.page.screenshot({ path: join(SCREENS, `${name}.png`) });
  const assertA11y = async (where: string) => assert.deepEqual(await seriousA11yViolations(e2e.page), [], where);
  async function toPicker() {
    await e2e.page.goto(e2e.app.url);
    await logIn(e2e.page);
    await e2e.page.getByRole('button', { name: 'New registration' }).click();
    await heading('New registration').waitFor();
  }

  it('lets an UPDATE choose the groups to change, and shows only those fields', async () => {
    const { page } = e2e;
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
    const { page } = e2e;
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
