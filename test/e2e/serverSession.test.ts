import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { after, before, describe } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { logIn } from './helpers/logIn';
import { itSavingArtifacts, launchChromium, startApp, type RunningApp } from './helpers/startApp';

/** The simulator's seeded machine master names machine 10002 so (test/sims/mosip/seedData.ts). */
const REGISTERED_NAME = 'stp-laptop-10002';
const UNKNOWN_NAME = 'stp-laptop-99999';

/**
 * Issue 11 through the app, against the demo's MOSIP simulator (which follows MOSIP 1.2's source:
 * test/sims/mosip/README.md): a new machine (no first sync at start), so the operator's first
 * "Sync now" checks the machine by the name set in Settings and pins KERNEL/SIGN; a new login after
 * the pin still syncs; a password the server refuses reads as a refused password.
 * One app for the whole walk: each step needs the state the previous one left.
 */
describe('a real MOSIP 1.2 session through the app (browser host, demo simulators, Debian Chromium)', () => {
  let browser: Browser;
  let app: RunningApp;
  let page: Page;

  before(async () => {
    [browser, app] = await Promise.all([launchChromium(), startApp(['--no-first-sync'], { simulators: true })]);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    await page.goto(app.url);
  });
  after(async () => {
    await browser.close();
    await app.stop();
  });

  const it = itSavingArtifacts(() => ({ page, app }), { prefix: 'server session' });
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name });
  const serverAdmin = async (path: string, body: unknown) => {
    const url = /Demo server simulator: (\S+)/.exec(app.output())?.[1];
    assert.ok(url, 'the app printed its server simulator');
    const res = await fetch(`${url.replace(/\/$/, '')}/_sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(res.status, 200, `admin ${path}`);
  };
  const effective = () => page.getByTestId('machine-name-effective');

  /** From another screen: the settings as the back end holds them (a reload would replace a typed value). */
  async function openSettings() {
    await nav('Settings').click();
    await page.locator('form.settings__form[data-status="ready"]').waitFor();
  }
  async function saveMachineName(name: string) {
    await page.getByLabel('Machine name').fill(name);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('form.settings__form[data-status="saved"]').waitFor();
  }
  /** "Sync now" on the sync screen; resolves with the run's error (code and words), or null when it ran. */
  async function syncNow(): Promise<{ code: string | null; text: string } | null> {
    await nav('Sync').click();
    await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
    const button = page.getByRole('button', { name: 'Sync now' });
    await button.click();
    const panel = page.locator('.sync__run');
    const outcome = panel.locator('#sync-run-status .sync__summary, .message--error').first();
    await outcome.waitFor();
    const error = panel.locator('.message--error');
    if ((await error.count()) === 0) return null;
    return { code: await error.first().getAttribute('data-error-code'), text: (await error.first().textContent()) ?? '' };
  }

  it('reports a wrong password at login as a wrong password while the server is reachable', async () => {
    await page.locator('#login-user').waitFor();
    await page.getByTestId('language-select').selectOption('eng');
    await page.fill('#login-user', 'supervisor1');
    await page.fill('#login-password', 'not-the-password');
    await page.press('#login-password', 'Enter');
    const alert = page.locator('[data-error-code]');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-error-code'), 'ERR_AUTH_WRONG_PASSWORD');
    assert.match((await alert.textContent()) ?? '', /^Wrong password\./);
  });

  it('shows the host name until a supervisor sets a machine name, and again once it is cleared', async () => {
    await logIn(page, 'supervisor1', 'Supervisor#2026');
    await openSettings();
    await effective().filter({ hasText: `Sync uses the name “${hostname().toLowerCase()}” (this computer's host name)` }).waitFor();
    assert.match((await page.locator('#set-machine-name-hint').textContent()) ?? '', /exactly the name the administrator registered for this computer/);
    await saveMachineName('stp-typed-by-mistake');
    await effective().filter({ hasText: 'Sync uses the name “stp-typed-by-mistake” (set here)' }).waitFor();
    await saveMachineName('');
    await effective().filter({ hasText: "(this computer's host name)" }).waitFor();
  });

  it('reports a machine name the server does not know in words naming it, then syncs once it is corrected', async () => {
    await saveMachineName(UNKNOWN_NAME);
    await effective().filter({ hasText: `“${UNKNOWN_NAME}” (set here)` }).waitFor();
    const refused = await syncNow();
    assert.equal(refused?.code, 'ERR_SYNC_MACHINE_NAME_UNKNOWN');
    assert.match(refused.text, new RegExp(`no machine named “${UNKNOWN_NAME}”.*In Settings, enter the machine name`));
    await openSettings();
    await saveMachineName(REGISTERED_NAME);
    await effective().filter({ hasText: `“${REGISTERED_NAME}” (set here)` }).waitFor();
    assert.equal(await syncNow(), null, 'the first sync of this machine (it pins KERNEL/SIGN) runs');
  });

  it('syncs again after logging out and in (a new server login with KERNEL/SIGN pinned)', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, 'supervisor1', 'Supervisor#2026');
    assert.equal(await syncNow(), null);
  });

  it('reports a password the server refuses (after the pin) as a refused password, not a signature or network error', async () => {
    // the officer's password changed on the server; this machine still has the old one
    await serverAdmin('users', { userId: 'officer1', password: 'Changed#2026' });
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, 'officer1', 'Officer#2026');
    const refused = await syncNow();
    assert.equal(refused?.code, 'ERR_SYNC_LOGIN_FAILED');
    assert.match(refused.text, /did not accept the user id or password for officer1/);
  });
});
