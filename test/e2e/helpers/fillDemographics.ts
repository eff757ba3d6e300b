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
  await page.fill('#field-dateOfBirth', '1990/05/17');
  for (const [id, code] of [['gender', 'FLE'], ['residenceStatus', 'NAT'], ['region', 'ST'], ['province', 'AGR']] as const) await page.selectOption(`#field-${id}`, code);
}
