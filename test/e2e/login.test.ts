import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './helpers/axe';
import { itSavingArtifacts } from './helpers/startApp';
import { useStartedApp } from './helpers/useStartedApp';

/** Types the user ID and password on the login screen and presses Enter (what follows is the test's). */
async function submitLogin(page: Page, userId: string, password: string): Promise<void> {
  await page.fill('#login-user', userId);
  await page.fill('#login-password', password);
  await page.press('#login-password', 'Enter');
}

describe('operator login (browser host, Debian Chromium)', () => {
  describe('on one app for these tests', () => {
    // Sharing the app is safe, in any order: only the first test logs officer1 in (and saves his
    // language); the unknown-ID test's failed attempts count against "ghost" alone; the Arabic
    // choice lives in the page's localStorage, and each test has a fresh browser context; the
    // supervisor's audit check accepts any number of entries and changes nothing another reads.
    const e2e = useStartedApp({ appPer: 'file', openPage: { waitFor: '#login-user' } });
    const it = itSavingArtifacts(e2e.current);

    it('logs in as the demo officer, sees the dashboard, switches to Português and logs out', async () => {
      const { page, app } = e2e;
      // Portuguese first: the login screen starts in Portuguese.
      assert.equal(await page.locator('h1').textContent(), 'Início de sessão do operador');
      assert.equal(await page.getAttribute('html', 'lang'), 'pt-ST');
      // the browser host's data dir keeps its keys in keys/master.key: said loudly (issue 12, item 9)
      assert.match((await page.getByTestId('key-file-warning').textContent()) ?? '', /quem copiar a pasta de dados pode ler todos os registos/);
      assert.deepEqual(await seriousA11yViolations(page), []);

      await submitLogin(page, 'officer1', 'Officer#2026');
      // The officer's saved preference is English.
      await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
      assert.match((await page.locator('.welcome').textContent()) ?? '', /Welcome, Ana Officer · Registration officer/);
      const keyIndex = await page.getByTestId('key-index').textContent();
      assert.ok(app.output().includes(`key index ${keyIndex}`), 'dashboard shows the key index the app printed');
      assert.equal(await page.getByRole('heading', { name: 'Audit log', exact: true }).count(), 0, 'officers do not see the supervisor card');
      assert.deepEqual(await seriousA11yViolations(page), []);

      await page.getByTestId('language-select').selectOption('por');
      await page.getByRole('heading', { name: 'Hoje', exact: true }).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Esta máquina', exact: true }).count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Terminar sessão' }).count(), 1);

      await page.getByRole('button', { name: 'Terminar sessão' }).click();
      await page.getByText('Terminou a sessão.').waitFor();
      assert.equal(await page.locator('h1').textContent(), 'Início de sessão do operador');
    });

    it('answers an unknown operator as a wrong password, so IDs cannot be guessed (issue 12)', async () => {
      const { page } = e2e;
      await submitLogin(page, 'ghost', 'whatever');
      await page.locator('[data-error-code="ERR_AUTH_WRONG_PASSWORD"]').waitFor();
      const text = (await page.locator('[role=alert]').textContent()) ?? '';
      assert.match(text, /Palavra-passe errada/);
      assert.doesNotMatch(text, /ghost/);
    });

    it('renders Arabic right-to-left', async () => {
      const { page } = e2e;
      await page.getByTestId('language-select').selectOption('ara');
      await page.getByRole('heading', { name: 'تسجيل دخول المشغّل', exact: true }).waitFor();
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    });

    it('lets a supervisor verify the audit log from the dashboard', async () => {
      const { page } = e2e;
      await submitLogin(page, 'supervisor1', 'Supervisor#2026');
      await page.getByRole('heading', { name: 'Hoje', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Verificar registo de auditoria' }).click();
      await page.getByText(/Registo de auditoria íntegro: \d+ entradas/).waitFor();
    });

  });

  describe('on a fresh data dir per test', () => {
    // Each test leaves state another would read: officer1's saved language (Português after the
    // language test, English expected by the settings test), officer1's lock, a device setting.
    const e2e = useStartedApp({ appPer: 'test', openPage: { waitFor: '#login-user' } });
    const it = itSavingArtifacts(e2e.current);

    it('keeps the language choice for the next login', async () => {
      const { page } = e2e;
      await submitLogin(page, 'officer1', 'Officer#2026');
      await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
      await page.getByTestId('language-select').selectOption('por');
      await page.getByRole('heading', { name: 'Hoje', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Terminar sessão' }).click();
      await submitLogin(page, 'officer1', 'Officer#2026');
      await page.getByRole('heading', { name: 'Hoje', exact: true }).waitFor();
    });

    it('says how many attempts are left after a wrong password, then that the account is locked', async () => {
      const { page } = e2e;
      await page.getByTestId('language-select').selectOption('eng');
      await submitLogin(page, 'officer1', 'wrong-password');
      const error = page.locator('[data-error-code]');
      await page.getByText('Wrong password. 4 attempts left before the account is locked.').waitFor();
      assert.equal(await error.getAttribute('data-error-code'), 'ERR_AUTH_WRONG_PASSWORD');
      assert.equal(await page.locator('#login-password').inputValue(), '', 'the password field is cleared');
      for (let attempt = 2; attempt <= 4; attempt++) {
        await page.fill('#login-password', 'wrong-password');
        await page.press('#login-password', 'Enter');
        await page.getByText(`Wrong password. ${5 - attempt} ${5 - attempt === 1 ? 'attempt' : 'attempts'} left`).waitFor();
      }
      await page.fill('#login-password', 'wrong-password');
      await page.press('#login-password', 'Enter');
      await page.getByText('This account is locked after too many wrong passwords. Try again in 2 minutes').waitFor();
      // The right password does not get through a lock.
      await submitLogin(page, 'officer1', 'Officer#2026');
      await page.locator('[data-error-code="ERR_AUTH_LOCKED"]').waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Today', exact: true }).count(), 0);
    });

    it('lets a supervisor change a device setting, and shows officers the settings read-only', async () => {
      const { page } = e2e;
      await submitLogin(page, 'supervisor1', 'Supervisor#2026');
      await page.getByRole('button', { name: 'Configurações' }).click();
      await page.getByRole('heading', { name: 'Configurações', exact: true }).waitFor();
      await page.getByLabel('Limiar de qualidade das impressões digitais').fill('55');
      await page.getByRole('button', { name: 'Guardar configurações' }).click();
      await page.getByText(/Configurações guardadas/).waitFor();
      assert.deepEqual(await seriousA11yViolations(page), []);
      await page.getByLabel('Limiar de qualidade das impressões digitais').fill('140');
      await page.getByRole('button', { name: 'Guardar configurações' }).click();
      await page.locator('[data-error-code="ERR_IPC_INVALID_INPUT"]').waitFor();
      assert.match((await page.locator('[data-error-code]').textContent()) ?? '', /devices\.thresholds\.finger/);
      await page.getByRole('button', { name: 'Terminar sessão' }).click();
      await submitLogin(page, 'officer1', 'Officer#2026');
      await page.getByRole('button', { name: 'Settings' }).click();
      assert.equal(await page.getByLabel('Fingerprint quality threshold').inputValue(), '55');
      assert.equal(await page.getByLabel('Fingerprint quality threshold').isDisabled(), true);
      assert.equal(await page.getByRole('button', { name: 'Save settings' }).count(), 0);
    });
  });
});
