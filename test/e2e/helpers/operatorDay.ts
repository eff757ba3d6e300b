import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { logIn } from './logIn';
import type { Operator } from './operator';
import { previewSlots, serverAdmin, type Slot } from './packetSlots';

/** The demo server simulator's second seeded application: a passport P0458812 and a residence certificate (test/sims/mosip/preRegSeed.ts). */
export const JOAO_PRID = '48210593716024';
/** a 1×1 PNG: the smallest image a document slot takes */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');
const MODALITIES = ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'] as const;

/** What the walk leaves for the caller to check against the packet and the server. */
export interface DayResult {
  readonly rid: string;
  /** the preview's documents after the resume */
  readonly shown: Record<string, Slot>;
  /** the identity document type chosen over the prefilled passport */
  readonly identityType: string;
  /** the proof-of-exception slot's type (the medical certificate's) */
  readonly certificateType: string;
  /** the server simulator's record of the packet after the last sync */
  readonly server: { readonly uploaded: number; readonly status: string; readonly uin: string | null } | undefined;
}

export interface DayOptions {
  /** called at each screen the README shows (the e2e test saves a PNG and runs axe; the bench passes nothing) */
  readonly shot?: (name: string, options?: { fullPage?: boolean }) => Promise<void>;
}

/** Two A4 pages: the medical certificate ("Atestado médico") the operator scans. */
export async function twoPageCertificate(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

/**
 * Issue 13's operator's day, as a person does it, in one browser session against `npm start --demo`
 * with both simulators: the officer registers João from his pre-registration (passport and residence
 * certificate prefilled), puts a national identity card over the passport and types its number after
 * attaching (in العربية, switched to mid-form), attaches a two-page medical certificate as proof of
 * exception and types its number just before Next by keyboard, goes Back, marks a missing finger,
 * captures everything and the exception photo, saves and closes, resumes, checks the preview, submits
 * with a supervisor's review; the supervisor opens the summary, approves, and syncs until the server
 * has processed the packet. Shared by test/e2e/operatorDay.test.ts and `npm run bench -- flow`, so
 * the bench times exactly the path the test proves.
 */
export async function walkOperatorDay(op: Operator, app: Readonly<{ url: string; output: () => string }>, options: DayOptions = {}): Promise<DayResult> {
  const { page } = op;
  const shot = options.shot ?? (async () => undefined);
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const typeSelect = (fieldId: string) => page.locator(`#field-${fieldId}-type`);
  const refBox = (fieldId: string) => page.locator(`#field-${fieldId}-ref`);
  const attachedLine = (fieldId: string) => page.getByTestId(`document-${fieldId}`);
  const certificate = await twoPageCertificate();
  // logging in is the start of the day, not of this resident: not measured
  await page.goto(app.url);
  await logIn(page);

  await op.step('new registration (Português + English)', async () => {
    await op.click(page.getByRole('button', { name: 'New registration' }));
    await op.click(page.getByRole('button', { name: 'Start registration' }));
  }, heading('Consent'));
  await op.step('consent', async () => {
    await op.check(page.getByLabel(/I have read and accept/));
    await op.check(page.getByRole('radio', { name: 'Portuguese' }));
    await op.press('Alt+ArrowRight');
  }, heading('Demographic details'));
  await op.step('PRID fetch and prefill', async () => {
    const box = page.getByRole('textbox', { name: 'Pre-registration ID' });
    await op.type(box, JOAO_PRID);
    await op.press('Enter', box);
  }, page.locator('#prereg-message [role=status]'));
  await shot('day-1-prefilled');
  await op.step('demographics checked → documents', () => op.press('Alt+ArrowRight'), attachedLine('proofOfAddress'));
  assert.match((await attachedLine('proofOfIdentity').textContent()) ?? '', /P0458812/);
  assert.deepEqual([await typeSelect('proofOfIdentity').inputValue(), await typeSelect('proofOfAddress').inputValue()], ['PASSPORT', 'RESIDENCE_CERTIFICATE'], 'the dropdowns show the prefilled types');
  assert.equal(await refBox('proofOfIdentity').inputValue(), 'P0458812');

  const typeCodes = await typeSelect('proofOfIdentity').locator('option').evaluateAll((all) => all.map((o) => (o as unknown as { value: string }).value));
  const identityType = typeCodes.find((code) => code !== 'PASSPORT' && code !== '');
  assert.ok(identityType, 'the master data offers another identity document type');
  await op.step('identity card over the prefilled passport', async () => {
    await op.choose(typeSelect('proofOfIdentity'), identityType);
    // the dropdown shows the slot's stored type: the person attaches once it reads the new one
    await typeSelect('proofOfIdentity').locator(`option:checked[value="${identityType}"]`).waitFor({ state: 'attached' });
    await op.type(refBox('proofOfIdentity'), '');
    await op.attach('#field-proofOfIdentity-file', { name: 'bi.png', mimeType: 'image/png', buffer: PNG_1X1 });
  }, attachedLine('proofOfIdentity').filter({ hasNotText: 'P0458812' }));
  const certificateType = await typeSelect('proofOfException').inputValue();
  await op.step('2-page medical certificate as proof of exception', () => op.attach('#field-proofOfException-file', { name: 'atestado.pdf', mimeType: 'application/pdf', buffer: certificate }), attachedLine('proofOfException').filter({ hasText: '2 pages' }));
  await shot('day-2-documents');

  // العربية mid-form: what the app owns is Arabic; the synced spec has no Arabic labels, so its
  // headings fall back to the registration's first language (Portuguese), never to English.
  // The identity card's number is typed there, after attaching; leaving the box for the language
  // menu commits it (blur)
  await op.step('switch to العربية mid-form', () => op.choose(page.getByTestId('language-select'), 'ara'), page.locator('html[dir="rtl"]'));
  await heading('Documentos').waitFor();
  const steps = page.getByRole('navigation', { name: 'مراحل التسجيل' });
  assert.deepEqual(await steps.getByRole('listitem').allTextContents(), ['1. Consentimento', '2. Dados demográficos', '3. Documentos', '4. Dados biométricos', '5. معاينة']);
  await page.getByRole('button', { name: 'التالي', exact: true }).waitFor();
  assert.equal(await page.getByText(/Reference number|Document type|Choose files/).count(), 0, 'no English label left on the Arabic screen');
  await op.type(refBox('proofOfIdentity'), 'BI-0042');
  await shot('day-3-documents-ara');
  await op.step('back to English', () => op.choose(page.getByTestId('language-select'), 'eng'), heading('Documents'));
  await attachedLine('proofOfIdentity').filter({ hasText: 'BI-0042' }).waitFor();

  // the certificate's number, typed after attaching, then Next by keyboard from that box: it never
  // loses focus to a click, so the number is committed as the screen leaves (issue 13, defect 2)
  await op.type(refBox('proofOfException'), 'AM-117');
  await op.step('documents → biometrics (keyboard)', () => op.press('Alt+ArrowRight'), heading('Biometric details'));
  await op.step('back to documents', () => op.click(page.getByRole('button', { name: 'Back' })), heading('Documents'));
  // the number left with the screen (committed as it unmounted): the slot shows it once the back end's reply is in
  await attachedLine('proofOfException').filter({ hasText: 'AM-117' }).waitFor();
  assert.deepEqual([await refBox('proofOfIdentity').inputValue(), await refBox('proofOfException').inputValue()], ['BI-0042', 'AM-117'], 'Next and Back keep the numbers');
  assert.equal(await typeSelect('proofOfIdentity').inputValue(), identityType);
  await attachedLine('proofOfIdentity').filter({ hasText: 'BI-0042' }).waitFor();
  await op.step('documents checked → biometrics', () => op.press('Alt+ArrowRight'), heading('Biometric details'));

  await op.step('mark the left little finger missing', async () => {
    await op.click(page.getByText(/Missing fingers or eyes/).first());
    await op.check(page.getByRole('checkbox', { name: 'Left little finger' }));
  }, page.getByTestId('panel-exception-photo'));
  await page.focus('#screen-heading');
  for (const modality of MODALITIES) await op.step(`capture ${modality}`, () => op.press('Alt+c'), page.getByTestId(`decision-${modality}`));
  await op.step('capture the exception photo', () => op.click(page.getByTestId('panel-exception-photo').getByRole('button', { name: 'Capture' })), page.getByTestId('decision-exception-photo'));
  await shot('day-4-biometrics');

  await op.step('save and close', () => op.click(page.getByRole('button', { name: 'Save and close' })), page.getByTestId('draft-row').filter({ hasText: 'João Pedro Trovoada' }));
  await op.step('resume from home', () => op.click(page.getByTestId('draft-row').filter({ hasText: 'João Pedro Trovoada' }).getByRole('button', { name: 'Resume' })), heading('Biometric details'));
  await op.step('back to documents after the resume', () => op.click(page.getByRole('button', { name: 'Back' })), heading('Documents'));
  assert.match((await attachedLine('proofOfException').textContent()) ?? '', /2 pages · AM-117/, 'the certificate, not the exception photo');
  await op.step('documents → biometrics', () => op.press('Alt+ArrowRight'), heading('Biometric details'));
  await op.step('biometrics → preview', async () => {
    await op.press('Alt+ArrowRight');
    await heading('Preview').waitFor();
    await page.getByText('Checking the registration…').waitFor({ state: 'detached' });
  }, page.getByRole('button', { name: 'Submit registration' }));
  const shown = await previewSlots(page);
  assert.deepEqual(shown['proofOfIdentity'], { category: 'POI', type: identityType, refNumber: 'BI-0042', pages: 1 });
  assert.deepEqual(shown['proofOfAddress'], { category: 'POA', type: 'RESIDENCE_CERTIFICATE', refNumber: null, pages: 1 });
  assert.deepEqual(shown['proofOfException'], { category: 'POE', type: certificateType, refNumber: 'AM-117', pages: 2 }, 'the medical certificate, not the exception photo');
  assert.match((await page.locator('main').textContent()) ?? '', /Exceptions: Left little finger/);
  await shot('day-5-preview', { fullPage: true });

  const dialog = page.getByRole('dialog', { name: 'Confirm with your password' });
  await op.step('read back, submit', async () => {
    await op.check(page.getByLabel(/read the data back/));
    await op.click(page.getByRole('button', { name: 'Submit registration' }));
  }, dialog.getByRole('group', { name: 'Supervisor review' }));
  await op.type(dialog.getByLabel('Your password'), 'Officer#2026');
  const review = dialog.getByRole('group', { name: 'Supervisor review' });
  await op.type(review.getByLabel('Supervisor’s user ID'), 'supervisor1');
  await op.type(review.getByLabel('Supervisor’s password'), 'Supervisor#2026');
  await shot('day-6-authentication');
  await op.step('password and supervisor review → packet and receipt', () => op.press('Enter', review.getByLabel('Supervisor’s password')), page.getByTestId('receipt-download'));
  await heading('Registration complete').waitFor();
  const rid = (await page.getByTestId('rid').textContent())!;
  assert.match(rid, /^\d{29}$/);
  await shot('day-7-acknowledgement');

  return { rid, shown, identityType, certificateType, ...(await approveAndSync(op, app, rid, shot)) };
}

/** The supervisor's half of the day: the summary, the approval, "Sync now" until the server processed the packet. */
async function approveAndSync(op: Operator, app: Readonly<{ output: () => string }>, rid: string, shot: NonNullable<DayOptions['shot']>): Promise<Pick<DayResult, 'server'>> {
  const { page } = op;
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name });
  await op.step('back to home, log out', async () => {
    await op.click(page.getByRole('button', { name: 'Back to home' }));
    await op.click(page.getByRole('button', { name: 'Log out' }));
  }, page.locator('#login-user'));
  await logIn(page, 'supervisor1', 'Supervisor#2026');
  await op.step('approval queue', () => op.click(nav('Approvals')), page.getByRole('button', { name: `Summary of registration ${rid}` }));
  const panel = page.getByRole('region', { name: `Registration ${rid}` });
  await op.step('open the summary', () => op.click(page.getByRole('button', { name: `Summary of registration ${rid}` })), panel.getByRole('heading', { name: 'Biometrics' }));
  await panel.getByRole('img', { name: 'Exception photo' }).waitFor();
  assert.equal(await panel.getByText('Missing (exception)').count(), 1, 'the summary shows the one missing finger');
  await shot('day-8-approval-summary', { fullPage: true });
  await op.step('close the summary', () => op.press('Escape'), page.getByRole('button', { name: `Summary of registration ${rid}`, expanded: false }));
  const approveDialog = page.getByRole('dialog', { name: 'Approve 1 registration' });
  await op.step('approve', () => op.click(page.getByRole('button', { name: `Approve registration ${rid}` })), approveDialog);
  await op.type(approveDialog.getByLabel('Your password (to confirm)'), 'Supervisor#2026');
  await shot('day-9-approval-dialog');
  await op.step('confirm the approval', () => op.click(approveDialog.getByRole('button', { name: 'Approve' })), page.getByRole('status').filter({ hasText: '1 registration approved.' }));
  await op.step('sync screen', () => op.click(nav('Sync')), heading('Sync'));
  await op.step('sync now: the packet is uploaded', () => op.click(page.getByRole('button', { name: 'Sync now' })), page.locator('#sync-run-status').filter({ hasText: /1 announced, 1 uploaded/ }));
  await page.getByRole('row').filter({ hasText: rid }).getByText('Uploaded, waiting for the server').waitFor();
  await shot('day-10-sync', { fullPage: true });
  // the server simulator processes the packet (two stages), as MOSIP's registration processor would
  await serverAdmin(app.output(), 'advance', 'POST', { steps: 2 });
  await op.step('sync now: the server processed it', () => op.click(page.getByRole('button', { name: 'Sync now' })), page.getByText('Nothing is waiting to be sent.'));
  type Stats = { packets: Record<string, { registrationId: string; uploaded: number; status: string; uin: string | null }> };
  const server = Object.values(((await serverAdmin(app.output(), 'stats')) as Stats).packets).find((p) => p.registrationId === rid);
  return { server: server && { uploaded: server.uploaded, status: server.status, uin: server.uin } };
}
