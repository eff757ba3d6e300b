import type { Page } from 'playwright-core';

export interface StartProcessOptions {
  /** the process picker's radio for another process than NEW (e.g. 'Biometric correction') */
  readonly process?: string;
  /** the heading of the screen after consent, which the process decides */
  readonly firstScreen: string;
}

/**
 * From the logged-in home screen in English: New registration, the process when not NEW, Start
 * registration, consent accepted with Portuguese as the first language, Next by keyboard; waits
 * for `firstScreen`. What a test checks on the picker or consent screens stays in that test.
 */
export async function startProcess(page: Page, options: StartProcessOptions): Promise<void> {
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  await page.getByRole('button', { name: 'New registration' }).click();
  await heading('New registration').waitFor();
  if (options.process !== undefined) await page.getByRole('radio', { name: options.process }).check();
  await page.getByRole('button', { name: 'Start registration' }).click();
  await heading('Consent').waitFor();
  await page.getByLabel(/I have read and accept/).check();
  await page.getByRole('radio', { name: 'Portuguese' }).check();
  await page.keyboard.press('Alt+ArrowRight');
  await heading(options.firstScreen).waitFor();
}
