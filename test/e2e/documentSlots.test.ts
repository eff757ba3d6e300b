import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openSubpacketFiles } from '../helpers/openSubpacket';
import { logIn } from './helpers/logIn';
import { launchChromium, startApp, type RunningApp, itSavingArtifacts } from './helpers/startApp';

/** The demo server simulator's second seeded application: a passport P0458812 and a residence certificate (test/sims/mosip/preRegSeed.ts). */
const JOAO = '48210593716024';
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');
const DOCUMENT_FIELDS = ['proofOfIdentity', 'proofOfAddress', 'proofOfException'] as const;

/** One document slot as the preview shows it and as the packet holds it. */
interface Slot {
  readonly category: string;
  readonly type: string;
  readonly refNumber: string | null;
  readonly pages: number;
}

/**
 * Issue 13, the operator's day as a person does it, in Debian Chromium against the browser host
 * with the demo server and device simulators: a pre-registration prefills two documents; a new
 * identity document of another type is attached over the prefilled passport and its number typed
 * after attaching; Next and Back keep it; a two-page medical certificate goes in the proof-of-exception
 * slot; a missing finger and its exception photo; "Save and close", resume; the preview's documents
 * are what the decrypted packet holds (category, type, reference number, pages) after submit and approval.
 */
describe('document slots from prefill to packet (browser host, simulators, Debian Chromium)', () => {
  let browser: Browser;
  let app: RunningApp;
  let context: BrowserContext;
  let page: Page;
  let certificate: Buffer;

  before(async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    doc.addPage([595, 842]);
    certificate = Buffer.from(await doc.save());
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    app = await startApp([], { simulators: true });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
    await app.stop();
  });

  const it = itSavingArtifacts(() => ({ page, app }));
  const step = (what: string) => console.log(`  · ${what}`);
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const typeSelect = (fieldId: string) => page.locator(`#field-${fieldId}-type`);
  const refBox = (fieldId: string) => page.locator(`#field-${fieldId}-ref`);
  const attachedLine = (fieldId: string) => page.getByTestId(`document-${fieldId}`);

  async function serverAdmin(path: string): Promise<unknown> {
    const base = /^Demo server simulator: (http:\/\/127\.0\.0\.1:\d+)/m.exec(app.output())?.[1];
    if (!base) throw new Error('the app did not print its server simulator address');
    const reply = await fetch(`${base}/_sim/${path}`);
    assert.equal(reply.status, 200, `/_sim/${path}`);
    return reply.json();
  }

  /** The preview's documents: category and type from the rendered value, reference number and pages from its text. */
  async function previewSlots(): Promise<Record<string, Slot>> {
    const slots: Record<string, Slot> = {};
    for (const fieldId of DOCUMENT_FIELDS) {
      const shown = page.getByTestId(`preview-document-${fieldId}`);
      const text = (await shown.textContent()) ?? '';
      const pages = /(\d+) pages?\b/.exec(text);
      assert.ok(pages, `${fieldId}: the preview shows the pages (${text})`);
      const parts = text.split(' · ');
      slots[fieldId] = {
        category: (await shown.getAttribute('data-document-category'))!,
        type: (await shown.getAttribute('data-document-type'))!,
        refNumber: parts.length > 2 ? parts.at(-1)! : null,
        pages: Number(pages[1]),
      };
    }
    return slots;
  }

  /** The packet's documents (each in the subpacket of its field category), decrypted with the simulator's registration key. */
  async function packetSlots(): Promise<Record<string, Slot>> {
    const keys = (await serverAdmin('keys')) as Record<string, string>;
    const packets = readdirSync(join(app.dataDir, 'packets')).filter((name) => name.endsWith('.zip'));
    assert.equal(packets.length, 1);
    const regKey = createPrivateKey(readFileSync(keys['REGISTRATION_10001_10002']!));
    const packet = readFileSync(join(app.dataDir, 'packets', packets[0]!));
    const files = new Map<string, Buffer>();
    const identity: Record<string, { value: string; type: string; format: string; refNumber: string | null }> = {};
    const meta: { documentName: string; documentCategory: string; documentType: string; refNumber: string | null }[] = [];
    for (const name of ['id', 'evidence', 'optional'] as const) {
      const subpacket = await openSubpacketFiles(packet, regKey, name);
      const json = (file: string) => (JSON.parse(subpacket.get(file)!.toString('utf8')) as { identity: Record<string, unknown> }).identity;
      Object.assign(identity, json('ID.json'));
      meta.push(...(json('packet_meta_info.json')['documents'] as typeof meta));
      for (const [file, bytes] of subpacket) files.set(file, bytes);
    }
    const slots: Record<string, Slot> = {};
    for (const fieldId of DOCUMENT_FIELDS) {
      const doc = identity[fieldId]!;
      const listed = meta.find((m) => m.documentName === fieldId)!;
      assert.deepEqual([listed.documentType, listed.refNumber], [doc.type, doc.refNumber], `${fieldId}: meta info and ID.json agree`);
      const bytes = files.get(`${doc.value}.${doc.format}`)!;
      const pages = doc.format === 'pdf' ? (await PDFDocument.load(bytes)).getPageCount() : 1;
      slots[fieldId] = { category: listed.documentCategory, type: doc.type, refNumber: doc.refNumber, pages };
    }
    return slots;
  }

  it('keeps every document slot as the operator left it, from prefill through resume to the decrypted packet', async () => {
    step('log in, NEW in Português + English, consent');
    await page.goto(app.url);
    await logIn(page);
    await page.getByRole('button', { name: 'New registration' }).click();
    await page.getByRole('button', { name: 'Start registration' }).click();
    await heading('Consent').waitFor();
    await page.getByLabel(/I have read and accept/).check();
    await page.getByRole('radio', { name: 'Portuguese' }).check();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Demographic details').waitFor();

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
    const shown = await previewSlots();
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
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, 'supervisor1', 'Supervisor#2026');
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name: 'Approvals' }).click();
    await heading('Approve registrations').waitFor();
    await page.getByRole('button', { name: `Approve registration ${rid}` }).click();
    const approveDialog = page.getByRole('dialog', { name: 'Approve 1 registration' });
    await approveDialog.getByLabel('Your password (to confirm)').fill('Supervisor#2026');
    await approveDialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').filter({ hasText: '1 registration approved.' }).waitFor();

    step('the decrypted packet holds exactly what the preview showed');
    assert.deepEqual(await packetSlots(), shown);
  });
});
