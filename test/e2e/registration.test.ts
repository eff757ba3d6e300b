import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { before, describe } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { seriousA11yViolations } from './helpers/axe';
import { fillDemographics } from './helpers/fillDemographics';
import { approveAsSupervisor } from './helpers/approveAndSync';
import { logIn } from './helpers/logIn';
import { serverAdmin as simulatorAdmin } from './helpers/packetSlots';
import { ARTIFACTS, itSavingArtifacts } from './helpers/startApp';
import { useStartedApp } from './helpers/useStartedApp';

const SCREENS = join(ARTIFACTS, 'screens');
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');

/**
 * The operator's and supervisor's day in Debian Chromium against the browser host, the demo server
 * and the SBI device simulator (started by `--demo`): officer login → NEW in Português + English →
 * an invalid field blocks Next → documents → a crash (reload) and resume from the draft →
 * biometrics with one missing finger and its exception photo, one capture retried then
 * force-captured, a device unplugged and back → preview → submit → receipt → the supervisor
 * approves while the server is down → sync fails and says why → the server is back, sync sends it →
 * PROCESSED with a UIN → `packet inspect` on the sent file. axe on every screen; screenshots at
 * 1366×768 for the README.
 */
describe('registration (browser host, device simulator, Debian Chromium)', () => {
  // one test: a fresh app for it either way
  const e2e = useStartedApp({ appPer: 'test', simulators: true, timeoutMs: 20_000 });
  let pdf: Buffer;

  before(async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    pdf = Buffer.from(await doc.save());
    mkdirSync(SCREENS, { recursive: true });
  });

  const it = itSavingArtifacts(e2e.current);

  const step = (what: string) => console.log(`  · ${what}`);
  const heading = (name: string | RegExp) => e2e.page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  const shot = async (name: string) => {
    await e2e.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await e2e.page.screenshot({ path: join(SCREENS, `${name}.png`) });
  };
  const assertA11y = async (where: string) => assert.deepEqual(await seriousA11yViolations(e2e.page), [], where);

  /** MockMDS admin API of this run's simulator (any of its ports answers for every device; the OS assigned them). */
  async function sbiAdmin(path: 'score' | 'status', body: Record<string, string>) {
    const [port] = e2e.app.devicePorts();
    const reply = await fetch(`http://127.0.0.1:${port}/admin/${path}`, { method: 'POST', body: JSON.stringify(body) });
    assert.equal(reply.status, 200, `device simulator admin ${path} on port ${port}`);
  }
  const setScore = (type: 'Finger' | 'Face' | 'Iris', qualityScore: number) => sbiAdmin('score', { type, qualityScore: String(qualityScore) });
  /** an unplugged sensor: its MDS answers "Not Ready" (SBI error 110) until it is back */
  const setDeviceStatus = (type: 'Finger' | 'Face' | 'Iris', deviceStatus: 'Ready' | 'Not Ready') => sbiAdmin('status', { type, deviceStatus });

  /** Admin API of this run's MOSIP server simulator (`/_sim/…`, never behind faults). */
  const serverAdmin = (path: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown) => simulatorAdmin(e2e.app.output(), path, method, body);


  it('registers, approves and syncs a resident to PROCESSED, through a crash, a missing finger, a forced capture, an unplugged device and a server outage', async () => {
    const { page, app } = e2e;
    step('log in; home offers a new registration');
    await page.goto(app.url);
    await logIn(page);
    await page.getByRole('button', { name: 'New registration' }).click();
    await heading('New registration').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Português' }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'English' }).isChecked(), true);
    await assertA11y('picker');
    await shot('app-1-process-picker');
    await page.getByRole('button', { name: 'Start registration' }).click();
    await heading('Consent').waitFor();

    step('consent, then an invalid name blocks Next with its message');
    await page.getByLabel(/I have read and accept/).check();
    await page.getByRole('radio', { name: 'Portuguese' }).check();
    await assertA11y('consent');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Demographic details').waitFor();
    await fillDemographics(page, { por: 'Maria da Graça Neves', eng: 'Maria da Graca Neves' });
    await page.fill('#field-fullName-eng', 'M4ria');
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByTestId('blocked-issues').waitFor();
    assert.match((await page.getByTestId('blocked-issues').textContent()) ?? '', /Full name \(English\)/);
    assert.notEqual(await page.locator('#field-fullName-eng-issues').textContent(), '');
    await assertA11y('demographics, blocked');
    await shot('app-2-demographics-blocked');
    await page.fill('#field-fullName-eng', 'Maria da Graca Neves');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Documents').waitFor();

    step('documents: an image and a PDF through drafts.attachDocument');
    await page.setInputFiles('#field-proofOfIdentity-file', { name: 'bi.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await page.getByTestId('document-proofOfIdentity').waitFor();
    await page.setInputFiles('#field-proofOfAddress-file', { name: 'fatura.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('document-proofOfAddress').waitFor();
    await assertA11y('documents');
    await shot('app-3-documents');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Biometric details').waitFor();

    step('crash: reload the page, then resume the draft from the home screen');
    await page.reload();
    // whether a reload keeps the session is the host's business: log in again when asked
    const loginForm = page.locator('#login-user');
    await loginForm.or(page.getByRole('heading', { name: 'Today', exact: true })).waitFor();
    if (await loginForm.isVisible()) await logIn(page);
    const draftRow = page.getByTestId('draft-row').filter({ hasText: 'Maria da Graça Neves' });
    await draftRow.waitFor();
    await draftRow.getByRole('button', { name: 'Resume' }).click();
    await heading('Biometric details').waitFor();
    assert.equal(await page.getByTestId('document-proofOfIdentity').count(), 0, 'resumed on the screen it was saved on');

    step('biometrics: live preview, one missing finger, a low-quality slap retried then force-captured');
    const face = page.getByTestId('panel-face');
    await face.getByRole('button', { name: 'Show live image' }).click();
    await face.getByRole('img', { name: 'Live image: Face photo' }).waitFor();
    await face.getByRole('button', { name: 'Stop live image' }).click();
    await page.getByText(/Missing fingers or eyes/).first().click();
    await page.getByRole('checkbox', { name: 'Left little finger' }).check();
    await page.getByTestId('panel-exception-photo').waitFor();
    await setScore('Finger', 20);
    const right = page.getByTestId('panel-right-slap');
    await right.getByRole('button', { name: 'Capture' }).click();
    await right.getByText('Quality too low: capture again').waitFor({ timeout: 40_000 });
    await right.getByRole('button', { name: 'Capture again' }).click();
    await right.getByText('1 attempt left').waitFor({ timeout: 40_000 });
    await right.getByRole('button', { name: 'Capture again' }).click();
    await right.getByText(/force-captured/).waitFor({ timeout: 40_000 });
    await setScore('Finger', 90);

    step('the iris camera is unplugged mid-session: the device message says what to do, and capture works once it is back');
    await setDeviceStatus('Iris', 'Not Ready');
    await page.getByTestId('panel-iris').getByRole('button', { name: 'Capture' }).click();
    const notReady = page.locator('[data-error-code="ERR_SBI_DEVICE_NOT_READY"]');
    await notReady.waitFor({ timeout: 40_000 });
    assert.match((await notReady.textContent()) ?? '', /plugged in/);
    assert.equal(await page.getByTestId('decision-iris').count(), 0, 'nothing was captured');
    await setDeviceStatus('Iris', 'Ready');
    await page.focus('#screen-heading');
    for (const modality of ['left-slap', 'thumbs', 'iris', 'face']) {
      await page.keyboard.press('Alt+c');
      await page.getByTestId(`decision-${modality}`).waitFor({ timeout: 40_000 });
    }
    // the devices send JPEG 2000, which Chromium cannot show: each finger and eye has its own decoded preview
    for (const [panel, name] of [['left-slap', 'Captured image: Left index'], ['left-slap', 'Captured image: Left ring'], ['iris', 'Captured image: Left eye'], ['iris', 'Captured image: Right eye'], ['face', 'Captured image: Face photo']] as const) {
      const img = page.getByTestId(`panel-${panel}`).getByRole('img', { name, exact: true });
      await img.waitFor();
      const decoded = await img.evaluate((el) => {
        const image = el as unknown as { complete: boolean; naturalWidth: number };
        return image.complete && image.naturalWidth > 0;
      });
      assert.ok(decoded, `${name} is a picture Chromium decoded`);
    }
    assert.equal(await page.getByTestId('panel-left-slap').getByText('No image yet').count(), 0);
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByText('take the exception photo before continuing').waitFor();
    await page.getByTestId('panel-exception-photo').getByRole('button', { name: 'Capture' }).click();
    await page.getByTestId('decision-exception-photo').waitFor({ timeout: 40_000 });
    await assertA11y('biometrics');
    await shot('app-4-biometrics');
    await page.keyboard.press('Alt+ArrowRight');

    step('preview: both languages, documents, exceptions; submit after confirmation');
    await heading('Preview').waitFor();
    await page.getByText('Checking the registration…').waitFor({ state: 'detached' });
    const preview = (await page.locator('main').textContent()) ?? '';
    assert.match(preview, /Maria da Graça Neves/);
    assert.match(preview, /Maria da Graca Neves/);
    assert.match(preview, /Exceptions: Left little finger/);
    assert.match(preview, /Kept after the last attempt/);
    await assertA11y('preview');
    await shot('app-5-preview');
    await page.getByLabel(/read the data back/).check();
    await page.getByRole('button', { name: 'Submit registration' }).click();

    step('operator authentication: a wrong password is refused in the dialog, then the right one submits');
    const dialog = page.getByRole('dialog', { name: 'Confirm with your password' });
    await dialog.waitFor();
    const password = dialog.getByLabel('Your password');
    assert.equal(await password.evaluate((el) => el === el.ownerDocument.activeElement), true, 'focus starts in the password field');
    assert.equal(await dialog.evaluate((el) => el.matches(':modal')), true, 'a modal dialog: the page behind is inert');
    await assertA11y('authentication dialog');
    // a missing finger: a supervisor reviews (exception_auth) in the same dialog, keyboard first
    const review = dialog.getByRole('group', { name: 'Supervisor review' });
    await review.getByText(/missing fingers or eyes/).waitFor();
    const reviewerId = review.getByLabel('Supervisor’s user ID');
    const reviewerPassword = review.getByLabel('Supervisor’s password');
    await password.fill('Officer#2025');
    await page.keyboard.press('Tab');
    await page.keyboard.type('supervisor1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Supervisor#2026');
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'The password is not correct' }).waitFor();
    assert.equal(await password.inputValue(), '', 'the refused password is cleared');
    assert.equal(await heading('Preview').isVisible(), true, 'still on the preview: nothing was built');
    await assertA11y('authentication dialog with its error');
    await shot('app-5b-authentication');
    await password.fill('Officer#2026');
    await reviewerPassword.fill('Supervisor#2025');
    await reviewerPassword.press('Enter');
    await review.getByRole('alert').filter({ hasText: 'The supervisor’s password for supervisor1 is not correct' }).waitFor();
    assert.equal(await reviewerPassword.evaluate((el) => el === el.ownerDocument.activeElement), true, 'focus goes to the refused supervisor password');
    assert.equal(await reviewerPassword.inputValue(), '', 'the refused supervisor password is cleared');
    assert.equal(await reviewerId.inputValue(), 'supervisor1');
    await reviewerPassword.fill('Supervisor#2026');
    await dialog.getByRole('button', { name: 'Confirm and submit' }).click();

    step('acknowledgement: RID and receipt');
    await heading('Registration complete').waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('rid').textContent()) ?? '', /^\d{29}$/);
    assert.match((await page.getByTestId('receipt-download').getAttribute('href')) ?? '', /^blob:/);
    await assertA11y('acknowledgement');
    await shot('app-6-acknowledgement');
    const rid = (await page.getByTestId('rid').textContent())!;
    await page.getByRole('button', { name: 'Back to home' }).click();
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await page.getByText('No registration in progress.').waitFor();
    assert.equal(await notReady.count(), 0, 'the device message went away with the successful capture');

    step('the server goes down; the supervisor logs in and approves the packet');
    await serverAdmin('faults', 'POST', { endpoint: '/', kind: 'reset' });
    await approveAsSupervisor(page, rid);
    await assertA11y('approval');

    step('sync while the server is down: the packet stays, with the problem and when it is retried');
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name: 'Sync' }).click();
    await heading('Sync').waitFor();
    const syncNow = page.getByRole('button', { name: 'Sync now' });
    await syncNow.click();
    await page.locator('#sync-run-status').filter({ hasText: /0 announced, 0 uploaded/ }).waitFor({ timeout: 40_000 });
    const row = page.getByRole('row').filter({ hasText: rid });
    await row.locator('[data-error-code="ERR_SYNC_UNREACHABLE"]').waitFor();
    await row.getByText('Ready to send').waitFor();
    await assertA11y('sync, server down');

    step('the server is back: sync now sends it, and once the server processed it the outbox is empty');
    await serverAdmin('faults', 'DELETE');
    await syncNow.click();
    await page.locator('#sync-run-status').filter({ hasText: /1 announced, 1 uploaded/ }).waitFor({ timeout: 60_000 });
    await row.getByText('Uploaded, waiting for the server').waitFor();
    await serverAdmin('advance', 'POST', { steps: 2 });
    await syncNow.click();
    await page.getByText('Nothing is waiting to be sent.').waitFor({ timeout: 40_000 });
    type Stats = { packets: Record<string, { registrationId: string; uploaded: number; status: string; uin: string | null }> };
    const server = Object.values(((await serverAdmin('stats', 'GET')) as Stats).packets).find((p) => p.registrationId === rid);
    assert.deepEqual([server?.uploaded, server?.status], [1, 'PROCESSED']);
    assert.match(server?.uin ?? '', /^\d{10}$/, 'the server issued a UIN');

    step('packet inspect on the file that was sent: every server check passes');
    const keys = (await serverAdmin('keys', 'GET')) as Record<string, string>;
    const packetFiles = readdirSync(join(app.dataDir, 'packets')).filter((name) => name.endsWith('.zip'));
    assert.equal(packetFiles.length, 1, 'the sent packet is kept until retention removes it');
    const packetFile = packetFiles[0]!;
    const inspect = await promisify(execFile)(process.execPath, [
      '--import', 'tsx', 'electron/cli/regclient.ts', 'packet', 'inspect',
      '--packet', join(app.dataDir, 'packets', packetFile),
      '--reg-key', keys['REGISTRATION_10001_10002']!,
      '--machine-cert', join(app.dataDir, 'keys', 'machine-key.pub.pem'),
      '--reg-cert', join(app.dataDir, 'certs', 'REGISTRATION.pem'),
      '--id-schema', 'schemas/data/stp/idSchema.json',
    ], { cwd: join(import.meta.dirname, '..', '..') });
    assert.doesNotMatch(inspect.stdout, /^FAIL/m);
    assert.match(inspect.stdout, /^OK /m);
  });
});
