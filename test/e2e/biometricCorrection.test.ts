import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { formatRid } from '../../electron/services/packets/rid';
import { admin } from '../integration/sync/syncTestBed';
import { approveAsSupervisor, syncNow } from './helpers/approveAndSync';
import { logIn } from './helpers/logIn';
import { submitFromPreview } from './helpers/submitFromPreview';
import { itSavingArtifacts } from './helpers/startApp';
import { startProcess } from './helpers/startProcess';
import { useInProcessApp } from './helpers/useInProcessApp';

type SimPacket = { registrationId: string; status: string; additionalInfoReqId: string | null };

/**
 * Issue 11 through the app: the server asks for a biometric correction; the officer types its
 * request id on the BIOMETRIC_CORRECTION screens (consent, biometrics), the Preview lets the
 * registration through (it once blocked on the NEW fields fullName … province), the supervisor
 * approves, "Sync now" sends it under the request RID and reads PROCESSED back. Browser host over
 * real services in this process, SBI and MOSIP simulators on one ManualClock. Needs `npm run build`.
 */
describe('a BIOMETRIC_CORRECTION through the app to PROCESSED (browser host, simulators, Debian Chromium)', () => {
  // one test, one page: the page's clock is the back end's (22 November 2026)
  const e2e = useInProcessApp({ server: true, timeoutMs: 30_000, openPage: true });

  const it = itSavingArtifacts(e2e.current, { prefix: 'biometric correction' });
  const server = () => e2e.app.server!;
  const sent = async (rid: string) => Object.values((await admin(server(), 'stats', undefined, 'GET'))['packets'] as Record<string, SimPacket>).find((p) => p.registrationId === rid);


  it('types the request id, captures, passes the Preview, is approved, synced and reaches PROCESSED', async () => {
    const { page, app } = e2e;
    // regproc asked for more information about a registration made elsewhere (centre 10009, machine 10011)
    const rid = formatRid('10009', '10011', 7, app.backEnd.clock.now() - 86_400_000);
    const reqId = String((await admin(server(), 'additionalinfo', { rid }))['additionalInfoReqId']);
    await logIn(page, 'officer1', 'Officer#2026');
    await startProcess(page, { process: 'Biometric correction', firstScreen: 'Biometric details' });
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
