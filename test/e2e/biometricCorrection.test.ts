import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatRid } from '../../electron/services/packets/rid';
import { admin } from '../integration/sync/syncTestBed';
import { newAppPage, startInProcessApp, type InProcessApp } from './helpers/inProcessApp';
import { approveAsSupervisor, syncNow } from './helpers/approveAndSync';
import { logIn } from './helpers/logIn';
import { submitFromPreview } from './helpers/submitFromPreview';
import { itSavingArtifacts, launchChromium } from './helpers/startApp';

type SimPacket = { registrationId: string; status: string; additionalInfoReqId: string | null };

/**
 * Issue 11 through the app: the server asks for a biometric correction; the officer types its
 * request id on the BIOMETRIC_CORRECTION screens (consent, biometrics), the Preview lets the
 * registration through (it once blocked on the NEW fields fullName … province), the supervisor
 * approves, "Sync now" sends it under the request RID and reads PROCESSED back. Browser host over
 * real services in this process, SBI and MOSIP simulators on one ManualClock. Needs `npm run build`.
 */
describe('a BIOMETRIC_CORRECTION through the app to PROCESSED (browser host, simulators, Debian Chromium)', () => {
  let browser: Browser;
  let app: InProcessApp;
  let page: Page;

  before(async () => {
    [browser, app] = await Promise.all([launchChromium(), startInProcessApp({ server: true })]);
    // the page's clock is the back end's (22 November 2026)
    ({ page } = await newAppPage(browser, app, { timeoutMs: 30_000 }));
    await page.goto(app.url);
  });
  after(async () => {
    await browser.close();
    await app.stop();
  });

  const it = itSavingArtifacts(() => ({ page, app: undefined }), { prefix: 'biometric correction' });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const server = () => app.server!;
  const sent = async (rid: string) => Object.values((await admin(server(), 'stats', undefined, 'GET'))['packets'] as Record<string, SimPacket>).find((p) => p.registrationId === rid);


  it('types the request id, captures, passes the Preview, is approved, synced and reaches PROCESSED', async () => {
    // regproc asked for more information about a registration made elsewhere (centre 10009, machine 10011)
    const rid = formatRid('10009', '10011', 7, app.backEnd.clock.now() - 86_400_000);
    const reqId = String((await admin(server(), 'additionalinfo', { rid }))['additionalInfoReqId']);
    await logIn(page, 'officer1', 'Officer#2026');
    await page.getByRole('button', { name: 'New registration' }).click();
    await heading('New registration').waitFor();
    await page.getByRole('radio', { name: 'Biometric correction' }).check();
    await page.getByRole('button', { name: 'Start registration' }).click();
    await heading('Consent').waitFor();
    await page.getByLabel(/I have read and accept/).check();
    await page.getByRole('radio', { name: 'Portuguese' }).check();
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Biometric details').waitFor();
    await page.getByLabel('Additional info request ID').fill(reqId);
    await page.focus('#screen-heading');
    for (const modality of ['left-slap', 'right-slap', 'thumbs', 'iris', 'face']) {
      await page.keyboard.press('Alt+c');
      await page.getByTestId(`decision-${modality}`).waitFor({ timeout: 60_000 });
    }
    await page.keyboard.press('Alt+ArrowRight');
    assert.equal(await submitFromPreview(page), rid, 'the packet goes under the request RID');

    await approveAsSupervisor(page, rid);
    await syncNow(page, /: 1 announced, 1 uploaded/);
    assert.deepEqual([(await sent(rid))?.status, (await sent(rid))?.additionalInfoReqId], ['RECEIVED', reqId], 'synced with its request id and uploaded');
    await admin(server(), 'advance', { steps: 2 });
    await syncNow(page, /: 0 announced, 0 uploaded, 1 statuses updated/);
    assert.equal((await sent(rid))?.status, 'PROCESSED');
    const stored = (await app.backEnd.api['packets.list']({})).items.find((p) => p.rid === rid);
    assert.equal(stored?.serverStatus, 'PROCESSED', 'the app read the status back');
  });
});
