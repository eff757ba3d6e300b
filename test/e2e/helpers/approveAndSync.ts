import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { logIn } from './logIn';

/** The main navigation's button `name`. */
function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name });
}

/** "Sync now" on the sync screen, until its summary says `done` (each run's counts differ); fails on an error. */
export async function syncNow(page: Page, done: RegExp): Promise<void> {
  await nav(page, 'Sync').click();
  await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
  const panel = page.locator('.sync__run');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await panel.locator('#sync-run-status .sync__summary').filter({ hasText: done }).or(panel.locator('.message--error')).first().waitFor();
  assert.equal(await panel.locator('.message--error').count(), 0, (await panel.textContent()) ?? '');
}

/** The officer logs out, supervisor1 logs in and approves the one registration `rid` from the queue. */
export async function approveAsSupervisor(page: Page, rid: string): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, 'supervisor1', 'Supervisor#2026');
  await nav(page, 'Approvals').click();
  await page.getByRole('heading', { level: 1, name: 'Approve registrations' }).waitFor();
  await page.getByRole('button', { name: `Approve registration ${rid}` }).click();
  const approve = page.getByRole('dialog', { name: 'Approve 1 registration' });
  await approve.getByLabel('Your password (to confirm)').fill('Supervisor#2026');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('status').filter({ hasText: '1 registration approved.' }).waitFor();
}

/** Opens `url` on a fresh page, logs supervisor1 in and goes to the approval queue; what the queue must show is the caller's to wait for. */
export async function openApprovalQueue(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await logIn(page, 'supervisor1', 'Supervisor#2026');
  await nav(page, 'Approvals').click();
  await page.getByRole('heading', { level: 1, name: 'Approve registrations' }).waitFor();
}
