import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/**
 * On the Preview: confirms the data was read back, waits for the back end's check to enable Submit
 * (or fails with the issue that blocks it), submits with the officer's password and returns the RID
 * the acknowledgement shows.
 */
export async function submitFromPreview(page: Page, password = 'Officer#2026'): Promise<string> {
  await page.getByRole('heading', { level: 1, name: 'Preview', exact: true }).waitFor();
  await page.getByLabel(/read the data back/).check();
  const submit = page.getByRole('button', { name: 'Submit registration' });
  const blocked = page.locator('.message--error[role="alert"]');
  await submit.and(page.locator(':enabled')).or(blocked).first().waitFor();
  if ((await blocked.count()) > 0) assert.fail(`the Preview blocks submit: ${await blocked.first().textContent()}`);
  await submit.click();
  const dialog = page.getByRole('dialog', { name: 'Confirm with your password' });
  await dialog.getByLabel('Your password').fill(password);
  await dialog.getByRole('button', { name: /Confirm/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Registration complete', exact: true }).waitFor({ timeout: 60_000 });
  return (await page.getByTestId('rid').textContent()) ?? '';
}
