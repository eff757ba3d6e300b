import type { Page } from 'playwright-core';

/**
 * Types an adult resident's demographics into the NEW form's Demographic details screen (STP demo
 * spec field ids), in Português and English; `fullName` differs per test so drafts can be told apart.
 */
export async function fillDemographics(page: Page, fullName: Readonly<{ por: string; eng: string }>): Promise<void> {
  for (const [id, por, eng] of [['fullName', fullName.por, fullName.eng], ['city', 'Trindade', 'Trindade'], ['addressLine1', 'Rua da Sé 12', 'Rua da Se 12']] as const) {
    await page.fill(`#field-${id}-por`, por);
    await page.fill(`#field-${id}-eng`, eng);
  }
  await typeDate(page, 'dateOfBirth', '17/05/1990');
  for (const [id, code] of [['gender', 'FLE'], ['residenceStatus', 'NAT'], ['region', 'ST'], ['province', 'AGR']] as const) await page.selectOption(`#field-${id}`, code);
}

/** Types a date into a date field's segments as an operator does: "17/05/1990", day first (the separators are skipped). */
export async function typeDate(page: Page, fieldId: string, typed: string): Promise<void> {
  await page.locator(`[data-testid="field-${fieldId}-input"] [role="spinbutton"]`).first().click();
  await page.keyboard.type(typed.replace(/\D/g, ''));
}

/** What a date field shows, segment by segment, e.g. "17/05/1990". */
export async function shownDate(page: Page, fieldId: string): Promise<string> {
  return ((await page.locator(`[data-testid="field-${fieldId}-input"]`).textContent()) ?? '').replace(/[\u200e\u200f\u2066-\u2069]/g, '');
}
