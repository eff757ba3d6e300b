import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe } from 'node:test';
import { approveAsSupervisor } from './helpers/approveAndSync';
import { logIn } from './helpers/logIn';
import { JOAO_PRID as JOAO, PNG_1X1, twoPageCertificate } from './helpers/operatorDay';
import { packetContents, previewSlots, serverAdmin } from './helpers/packetSlots';
import { itSavingArtifacts } from './helpers/startApp';
import { startProcess } from './helpers/startProcess';
import { useStartedApp } from './helpers/useStartedApp';

/**
 * Issue 13, the operator's day as a person does it, in Debian Chromium against the browser host
 * with the demo server and device simulators: a pre-registration prefills two documents; a new
 * identity document of another type is attached over the prefilled passport and its number typed
 * after attaching; Next and Back keep it; a two-page medical certificate goes in the proof-of-exception
 * slot; a missing finger and its exception photo; "Save and close", resume; the preview's documents
 * are what the decrypted packet holds (category, type, reference number, pages) after submit and approval.
 */
describe('document slots from prefill to packet (browser host, simulators, Debian Chromium)', () => {
  // one test: a fresh app for it either way
  const e2e = useStartedApp({ appPer: 'test', simulators: true, timeoutMs: 20_000 });
  let certificate: Buffer;

  before(async () => {
    certificate = await twoPageCertificate();
  });

  const it = itSavingArtifacts(e2e.current);
  const step = (what: string) => console.log(`  · ${what}`);
  const heading = (name: string) => e2e.page.getByRole('heading', { level: 1, name, exact: true });
  const typeSelect = (fieldId: string) => e2e.page.locator(`#field-${fieldId}-type`);
  const refBox = (fieldId: string) => e2e.page.locator(`#field-${fieldId}-ref`);
  const attachedLine = (fieldId: string) => e2e.page.getByTestId(`document-${fieldId}`);

  it('keeps every document slot as the operator left it, from prefill through resume to the decrypted packet', async () => {
    const { page, app } = e2e;
    step('log in, NEW in Português + English, consent');
    await page.goto(app.url);
    await logIn(page);
    await startProcess(page, { firstScreen: 'Demographic details' });

    step('pre-registration prefill: João’s passport and residence certificate');
    const box = page.getByRole('textbox', { name: 'Pre-registration ID' });
    await box.fill(JOAO);
    await box.press('Enter');
    await page.locator('#prereg-message [role=status]').waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Documents').waitFor();
    assert.match((await attachedLine('proofOfIdentity').textContent()) ?? '', /P0458812/);
    assert.deepEqual([await typeSelect('proofOfIdentity').inputValue(), await typeSelect('proofOfAddress').inputValue()], ['PASSPORT', 'RESIDENCE_CERTIFICATE'], 'the dropdowns show the prefilled types');
    assert.equal(await refBox('proofOfIdentity').inputValue(), 'P0458812');

    step('a national identity card replaces the passport; its number is typed after attaching');
    const otherType = (await typeSelect('proofOfIdentity').locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value))).find((code) => code !== 'PASSPORT');
    assert.ok(otherType, 'the master data offers another identity document type');
    await typeSelect('proofOfIdentity').selectOption(otherType);
    // the dropdown shows the slot's stored type: a file attached before the back end's reply would get the old one
    await typeSelect('proofOfIdentity').locator(`option:checked[value="${otherType}"]`).waitFor({ state: 'attached' });
    await refBox('proofOfIdentity').fill('');
    await page.setInputFiles('#field-proofOfIdentity-file', { name: 'bi.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await attachedLine('proofOfIdentity').filter({ hasNotText: 'P0458812' }).waitFor();
    await refBox('proofOfIdentity').fill('BI-0042');
    const certificateType = await typeSelect('proofOfException').inputValue();
    await page.setInputFiles('#field-proofOfException-file', { name: 'atestado.pdf', mimeType: 'application/pdf', buffer: certificate });
    await attachedLine('proofOfException').filter({ hasText: '2 pages' }).waitFor();
    await refBox('proofOfException').fill('AM-117');

    step('Next (keyboard: the box never loses focus by a click) and Back: the numbers are still there');
    await refBox('proofOfException').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Biometric details').waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await heading('Documents').waitFor();
    // the number committed as the screen unmounted shows once the back end's reply is in
    await attachedLine('proofOfException').filter({ hasText: 'AM-117' }).waitFor();
    assert.deepEqual([await refBox('proofOfIdentity').inputValue(), await refBox('proofOfException').inputValue()], ['BI-0042', 'AM-117']);
    assert.equal(await typeSelect('proofOfIdentity').inputValue(), otherType);
    await attachedLine('proofOfIdentity').filter({ hasText: 'BI-0042' }).waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Biometric details').waitFor();

    step('a missing finger, every capture, the exception photo');
    await page.getByText(/Missing fingers or eyes/).first().click();
    await page.getByRole('checkbox', { name: 'Left little finger' }).check();
    await page.getByTestId('panel-exception-photo').waitFor();
    await page.focus('#screen-heading');
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face']) {
      await page.keyboard.press('Alt+c');
      await page.getByTestId(`decision-${modality}`).waitFor({ timeout: 40_000 });
    }
    await page.getByTestId('panel-exception-photo').getByRole('button', { name: 'Capture' }).click();
    await page.getByTestId('decision-exception-photo').waitFor({ timeout: 40_000 });

    step('Save and close, then resume from the home screen');
    await page.getByRole('button', { name: 'Save and close' }).click();
    const draftRow = page.getByTestId('draft-row').filter({ hasText: 'João Pedro Trovoada' });
    await draftRow.getByRole('button', { name: 'Resume' }).click();
    await heading('Biometric details').waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await heading('Documents').waitFor();
    assert.match((await attachedLine('proofOfException').textContent()) ?? '', /2 pages · AM-117/, 'the certificate, not the exception photo');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Biometric details').waitFor();
    await page.keyboard.press('Alt+ArrowRight');

    step('preview after the resume: what it shows of each document');
    await heading('Preview').waitFor();
    await page.getByText('Checking the registration…').waitFor({ state: 'detached' });
    const shown = await previewSlots(page);
    assert.deepEqual(shown['proofOfIdentity'], { category: 'POI', type: otherType, refNumber: 'BI-0042', pages: 1 });
    assert.deepEqual(shown['proofOfAddress'], { category: 'POA', type: 'RESIDENCE_CERTIFICATE', refNumber: null, pages: 1 });
    assert.deepEqual(shown['proofOfException'], { category: 'POE', type: certificateType, refNumber: 'AM-117', pages: 2 }, 'the medical certificate, not the exception photo');
    assert.notEqual(certificateType, 'EOP');

    step('submit with the supervisor’s review, then the supervisor approves');
    await page.getByLabel(/read the data back/).check();
    await page.getByRole('button', { name: 'Submit registration' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm with your password' });
    await dialog.getByLabel('Your password').fill('Officer#2026');
    const review = dialog.getByRole('group', { name: 'Supervisor review' });
    await review.getByLabel('Supervisor’s user ID').fill('supervisor1');
    await review.getByLabel('Supervisor’s password').fill('Supervisor#2026');
    await dialog.getByRole('button', { name: 'Confirm and submit' }).click();
    await heading('Registration complete').waitFor({ timeout: 60_000 });
    const rid = (await page.getByTestId('rid').textContent())!;
    await page.getByRole('button', { name: 'Back to home' }).click();
    await approveAsSupervisor(page, rid);

    step('the decrypted packet holds exactly what the preview showed');
    const keys = (await serverAdmin(app.output(), 'keys')) as Record<string, string>;
    assert.deepEqual((await packetContents(app.dataDir, readFileSync(keys['REGISTRATION_10001_10002']!, 'utf8'))).slots, shown);
  });
});
