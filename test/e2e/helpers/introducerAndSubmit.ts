import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { submitFromPreview } from './submitFromPreview';

/**
 * The end of a CRVS_NEW registration in the English UI, from the child's screen on: the introducer
 * screen must show `parentUin` (filled by the birth record), the introducer's biometrics are
 * captured as for an infant (Alt+C, the simulator's devices), and the preview is submitted.
 * Returns the new RID.
 */
export async function introducerCaptureAndSubmit(page: Page, parentUin: string): Promise<string> {
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  await page.keyboard.press('Alt+ArrowRight');
  await heading('Parent or guardian').waitFor();
  assert.equal(await page.getByLabel("Parent or guardian's UIN").inputValue(), parentUin);
  await page.keyboard.press('Alt+ArrowRight');
  await heading("Parent or guardian's biometrics").waitFor();
  await page.focus('#screen-heading');
  await page.keyboard.press('Alt+c');
  await page.locator('[data-testid^="decision-"]').first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Alt+ArrowRight');
  const rid = await submitFromPreview(page);
  assert.match(rid, /^\d{29}$/);
  return rid;
}
