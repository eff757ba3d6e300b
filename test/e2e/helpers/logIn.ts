import type { Page } from 'playwright-core';

/**
 * Logs in through the login screen and leaves the app in English, which the e2e tests read: a
 * logged-in operator gets their saved language (the demo supervisor works in Português).
 */
export async function logIn(page: Page, userId = 'officer1', password = 'Officer#2026'): Promise<void> {
  const user = page.locator('#login-user');
  await user.waitFor();
  await page.getByTestId('language-select').selectOption('eng');
  await user.fill(userId);
  await page.fill('#login-password', password);
  await page.press('#login-password', 'Enter');
  await user.waitFor({ state: 'detached' });
  const language = page.getByTestId('language-select');
  if ((await language.inputValue()) !== 'eng') await language.selectOption('eng');
  await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
}
