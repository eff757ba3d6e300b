import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { admin } from '../integration/sync/syncTestBed';
import { BAD_CHECKSUM_UIN, PARENT_UIN, birthQr } from '../integration/app/crvsFixtures';
import { approveAsSupervisor, syncNow } from './helpers/approveAndSync';
import { shownDate, typeDate } from './helpers/fillDemographics';
import { introducerCaptureAndSubmit } from './helpers/introducerAndSubmit';
import { logIn } from './helpers/logIn';
import { submitFromPreview } from './helpers/submitFromPreview';
import { itSavingArtifacts } from './helpers/startApp';
import { startProcess } from './helpers/startProcess';
import { useInProcessApp } from './helpers/useInProcessApp';

type SimPacket = { registrationId: string; registrationType: string; status: string; uin: string | null };
type SimIdentity = { uin: string; fields: Record<string, unknown>; deceased: boolean };

/**
 * Issue 16 through the app: an officer registers a child from a birth certificate QR (read by the
 * centre's serial scanner) with the parent as introducer, captures the parent's biometrics, passes
 * the Preview; the supervisor approves; "Sync now" sends the CRVS_NEW packet and reads PROCESSED
 * back, and the server's identity repository has the child. The scanner line enters where the
 * ScannerService puts it (the hub's `scanner.onDidRead`; the serial reading itself is tested with
 * binding-mock). Browser host over real services, SBI and MOSIP simulators on one ManualClock.
 * Needs `npm run build`.
 */
describe('a birth from a birth certificate QR through the app to a UIN (browser host, simulators, Debian Chromium)', () => {
  // one page for both tests, as before: the death starts where the birth left the page (the
  // supervisor logged in); the page's clock is the back end's (22 November 2026)
  const e2e = useInProcessApp({ server: true, timeoutMs: 30_000, openPage: true, pagePer: 'file' });

  const it = itSavingArtifacts(e2e.current, { prefix: 'civil registration' });
  const heading = (name: string) => e2e.page.getByRole('heading', { level: 1, name, exact: true });
  const server = () => e2e.app.server!;
  const sent = async (rid: string) => Object.values((await admin(server(), 'stats', undefined, 'GET'))['packets'] as Record<string, SimPacket>).find((p) => p.registrationId === rid);


  it('scans the birth certificate, captures the parent, is approved, synced and the child gets a UIN', async () => {
    const { page, app } = e2e;
    await logIn(page, 'officer1', 'Officer#2026');
    await startProcess(page, { process: 'Birth (civil registration)', firstScreen: 'Birth record' });

    // a code that is not a birth certificate: refused on the screen, nothing filled
    app.backEnd.services.hub.broadcast('scanner.onDidRead', { text: '{"format":"PASSPORT","number":"P123"}' });
    await page.locator('#birth-record-message [role="alert"]').waitFor();
    assert.equal(await page.getByLabel('Birth registration number').inputValue(), '');
    // the birth certificate's QR, as the serial scanner reads it
    app.backEnd.services.hub.broadcast('scanner.onDidRead', { text: JSON.stringify(birthQr(app.backEnd.clock.now())) });
    await page.getByRole('status').filter({ hasText: /The birth certificate filled \d+ fields/ }).waitFor();
    assert.equal(await page.getByLabel('Birth registration number').inputValue(), 'AG-2026/00123');
    await page.keyboard.press('Alt+ArrowRight');
    await heading("Child's details").waitFor();
    const rid = await introducerCaptureAndSubmit(page, PARENT_UIN);

    await approveAsSupervisor(page, rid);
    await syncNow(page, /: 1 announced, 1 uploaded/);
    assert.deepEqual([(await sent(rid))?.registrationType, (await sent(rid))?.status], ['CRVS_NEW', 'RECEIVED']);
    await admin(server(), 'advance', { steps: 2 });
    await syncNow(page, /: 0 announced, 0 uploaded, 1 statuses updated/);
    const processed = await sent(rid);
    assert.equal(processed?.status, 'PROCESSED');
    const child = ((await admin(server(), 'identities', undefined, 'GET'))['identities'] as SimIdentity[]).find((i) => i.uin === processed?.uin);
    assert.deepEqual([child?.fields['birthCertificateNumber'], child?.fields['introducerUIN']], ['AG-2026/00123', PARENT_UIN]);
    const stored = (await app.backEnd.api['packets.list']({})).items.find((p) => p.rid === rid);
    assert.deepEqual([stored?.process, stored?.serverStatus], ['CRVS_NEW', 'PROCESSED'], 'the app read the status back');
  });

  it('registers a death by VID: a mistyped UIN is stopped on the screen, the identity ends deceased with its UIN', async () => {
    const { page, app } = e2e;
    const person = await admin(server(), 'identities', { fields: { fullName: [{ language: 'por', value: 'João Pedro Trovoada' }] }, vids: ['4561237890123456'] });
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, 'officer1', 'Officer#2026');
    await startProcess(page, { process: 'Death (civil registration)', firstScreen: 'Death details' });
    await page.fill('#field-UIN', BAD_CHECKSUM_UIN);
    await page.getByLabel('Declared as deceased').check();
    const day = new Date(app.backEnd.clock.now() - 86_400_000);
    const typed = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    // day first, as people there type it (the year's first digits once cleared the whole date)
    await typeDate(page, 'deceasedDeclarationDate', typed);
    assert.equal(await shownDate(page, 'deceasedDeclarationDate'), typed);
    await page.selectOption('#field-typeOfDeath', 'NATURAL');
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByText('The check digit does not match').first().waitFor();
    await heading('Death details').waitFor();
    await page.fill('#field-UIN', '4561237890123456');
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Informant').waitFor();
    await page.fill('#field-deceasedInformer', PARENT_UIN);
    await page.keyboard.press('Alt+ArrowRight');
    const rid = await submitFromPreview(page);

    await approveAsSupervisor(page, rid);
    await syncNow(page, /: 1 announced, 1 uploaded/);
    await admin(server(), 'advance', { steps: 2 });
    await syncNow(page, /: 0 announced, 0 uploaded, 1 statuses updated/);
    assert.deepEqual([(await sent(rid))?.registrationType, (await sent(rid))?.status, (await sent(rid))?.uin], ['CRVS_DEATH', 'PROCESSED', person['uin']]);
    const deceased = ((await admin(server(), 'identities', undefined, 'GET'))['identities'] as SimIdentity[]).find((i) => i.uin === person['uin']);
    assert.deepEqual([deceased?.deceased, deceased?.fields['declaredAsDeceased']], [true, 'Y']);
    assert.deepEqual(deceased?.fields['typeOfDeath'], [{ language: 'por', value: 'Natural' }, { language: 'eng', value: 'Natural' }]);
  });
});
