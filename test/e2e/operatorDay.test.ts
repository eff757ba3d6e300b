import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe } from 'node:test';
import { seriousA11yViolations } from './helpers/axe';
import { Operator } from './helpers/operator';
import { walkOperatorDay } from './helpers/operatorDay';
import { packetContents, serverAdmin } from './helpers/packetSlots';
import { ARTIFACTS, itSavingArtifacts } from './helpers/startApp';
import { useStartedApp } from './helpers/useStartedApp';

/** `npm run screenshots` copies this walk's `day-*.png` from here into test/e2e/screenshots/ for the README. */
const SCREENS = join(ARTIFACTS, 'screens');

/**
 * Issue 13's "Done when": the operator's day as one walk in one browser session (Debian Chromium,
 * 1366×768, `npm start --demo` with the MOSIP server and SBI device simulators), the walk
 * `npm run bench -- flow` times (helpers/operatorDay.ts): prefill, attach after prefill, references
 * typed after attaching, العربية mid-form, Next/Back, a missing finger with its exception photo,
 * save and close, resume, preview, submit with a supervisor's review, approve, sync until the server
 * processed it. Then the uploaded packet is decrypted with the simulator's key: its documents
 * (category, type, reference number, pages) are exactly what the preview showed, and the missing
 * finger and its exception photo are where MOSIP 1.2 puts them. Saves the README's screenshots.
 */
describe("the operator's day (browser host, simulators, Debian Chromium)", () => {
  // one test: a fresh app for it either way
  const e2e = useStartedApp({ appPer: 'test', simulators: true, timeoutMs: 20_000 });

  before(() => {
    mkdirSync(SCREENS, { recursive: true });
  });

  const it = itSavingArtifacts(e2e.current);

  /** each README screen is also checked with axe */
  async function shot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    const { page } = e2e;
    assert.deepEqual(await seriousA11yViolations(page), [], name);
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENS, `${name}.png`), ...options });
  }

  it('walks the day from a pre-registration to a processed packet that holds exactly what the preview showed', async () => {
    const { page, app } = e2e;
    const op = new Operator(page, (line) => console.log(`  · ${line}`));
    const day = await walkOperatorDay(op, app, { shot });
    console.log(`  UI time ${(op.totalMs / 1000).toFixed(2)} s over ${op.steps.length} steps, ${op.totalActions} operator actions, ${op.values} values typed or chosen`);

    // the server simulator counted one upload, processed it and issued a UIN
    assert.deepEqual([day.server?.uploaded, day.server?.status], [1, 'PROCESSED']);
    assert.match(day.server?.uin ?? '', /^\d{10}$/);

    const keys = (await serverAdmin(app.output(), 'keys')) as Record<string, string>;
    const packet = await packetContents(app.dataDir, readFileSync(keys['REGISTRATION_10001_10002']!, 'utf8'));
    assert.deepEqual(packet.slots, day.shown, 'the packet holds each document, type, reference number and page count the preview showed');
    assert.notEqual(day.shown['proofOfException']?.type, 'EOP', 'the proof of exception is the certificate the operator attached');
    // MOSIP 1.2 keeps the exception photo as a biometric of the field, never as a document
    // (mosip/registration-client release-1.2.0.x): PacketHandlerServiceImpl.setBiometrics writes every
    // `<field>_<attribute>` capture, the photo's attribute being "unknown" (Modality.EXCEPTION_PHOTO),
    // into the field's CBEFF and packet_meta_info `biometrics`, then one empty BIR per exception
    // (`exceptionBiometrics`); GenericBiometricsController's saveProofOfExceptionDocument (an EOP
    // document) is commented out
    assert.deepEqual(packet.exceptions.missing, ['Left LittleFinger']);
    assert.deepEqual(packet.exceptions.metaMissing, ['leftLittle']);
    assert.equal(packet.exceptions.photos.length, 1, 'one exception photo BIR');
    assert.ok(packet.exceptions.photos[0]!.bdbBytes > 0, 'the exception photo BIR holds the image');
    assert.equal(packet.exceptions.metaPhoto, true, 'packet_meta_info lists the exception photo under biometrics.individualBiometrics.unknown');
  });
});
