import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { createRegistrationStore, type RegistrationStore } from '../../../../../../renderer/features/registration/store/store';
import { draftSelectors } from '../../../../../../renderer/features/registration/store/slices/draft/selectors';
import { formSelectors } from '../../../../../../renderer/features/registration/store/slices/form/selectors';
import { submitSelectors } from '../../../../../../renderer/features/registration/store/slices/submit/selectors';
import { ManualClock } from '../../../../../../native/time/ManualClock';
import { MosipSimulator } from '../../../../../sims/mosip/MosipSimulator';
import type { SbiSimulator } from '../../../../../sims/sbi/SbiSimulator';
import { makeTestPki, type TestPki } from '../../../../../helpers/packetKeys';
import { makeTempDir } from '../../../../../helpers/tempDir';
import { startSimulator } from '../../../../../integration/sbi/sbiTestKit';
import { admin } from '../../../../../integration/sync/syncTestBed';
import { inputsOf, openRealBackEnd, type RealBackEnd } from '../../../../../helpers/realBackEnd';

const PAGE = (() => {
  const image = new PNG({ width: 40, height: 30 });
  image.data.fill(0xc0);
  return { name: 'bi.png', mimeType: 'image/png' as const, base64: PNG.sync.write(image).toString('base64') };
})();
const CAPTURED = ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'] as const;
/** the simulator's first seeded pre-registration application (test/sims/mosip/preRegSeed.ts) */
const MARIA_PRID = '37162804952017';

/**
 * Submitting from the store on the real back end: the order in which the operator's and the
 * reviewer's credentials are checked (DraftSubmitter), each refusal on its own field, the
 * `reviewerAuthentication` setting read at validate and at submit, progress, RID and receipt.
 */
describe('registration store submit and review (real Router, device simulator)', () => {
  let simulator: SbiSimulator;
  let pki: TestPki;
  let backEnd: RealBackEnd;
  let store: RegistrationStore;

  // the device simulator reads the current test's clock: its certificates and timestamps meet the app's
  let clock = new ManualClock();
  before(async () => {
    simulator = await startSimulator({ now: () => clock.now() });
    pki = makeTestPki(clock.now());
  });
  after(() => simulator.close());
  beforeEach(async () => {
    for (const device of simulator.devices.values()) device.score = undefined;
    clock = new ManualClock();
    backEnd = await openRealBackEnd(simulator, pki, {}, clock);
    store = createRegistrationStore(backEnd.api, () => backEnd.clock.now());
  });
  afterEach(() => backEnd.close());

  const state = () => store.getState();
  const calls = (method: string) => inputsOf(backEnd.calls, method);

  /** a NEW registration on its preview; `missingLittleFinger` marks an exception (and takes its photo) */
  async function toPreview(missingLittleFinger: boolean) {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    state().setValue('consent', { type: 'flag', checked: true });
    state().setValue('preferredLang', { type: 'code', code: 'por' });
    await state().next();
    for (const [id, por, eng] of [['fullName', 'Maria da Graça', 'Maria da Graca'], ['city', 'Trindade', 'Trindade'], ['addressLine1', 'Rua 1', 'Street 1']] as const) {
      state().setLocalizedText(id, 'por', por);
      state().setLocalizedText(id, 'eng', eng);
    }
    state().setValue('dateOfBirth', { type: 'text', value: '1990/05/17' });
    for (const [id, code] of [['gender', 'FLE'], ['residenceStatus', 'NAT'], ['region', 'ST'], ['province', 'AGR']] as const) state().setValue(id, { type: 'code', code });
    await state().next();
    await state().attachDocument('proofOfIdentity', 'CIN', 'BI-123', [PAGE]);
    await state().next();
    if (missingLittleFinger) state().setException('individualBiometrics', 'leftLittle', true);
    for (const modality of CAPTURED) await state().captureBiometrics('individualBiometrics', modality);
    if (missingLittleFinger) await state().captureBiometrics('individualBiometrics', 'exception-photo');
    await state().next();
    assert.equal(draftSelectors.view(state()), 'preview');
    return state().form.draftId!;
  }
  const attempt = async (password: string, reviewer?: { userId: string; password: string }) => {
    await state().submit(password, reviewer);
    return [submitSelectors.auth(state())?.error?.code ?? null, submitSelectors.authErrorField(state())];
  };

  it('asks for a supervisor review when the draft has exceptions, checks who before any password, and puts each refusal on its field', async () => {
    const draftId = await toPreview(true);
    assert.equal(submitSelectors.reviewerRequired(state()), true, 'the back end said a supervisor must review');
    state().requestSubmit();
    assert.deepEqual(await attempt('Officer#2026'), ['ERR_REG_REVIEWER_REQUIRED', 'reviewerUserId']);
    assert.deepEqual(await attempt('Officer#2026', { userId: 'officer1', password: 'Officer#2026' }), ['ERR_REG_REVIEWER_IS_OPERATOR', 'reviewerUserId']);
    // the demo's viewer1 exists but holds no REGISTRATION_SUPERVISOR; a wrong operator password is not even checked
    assert.deepEqual(await attempt('wrong', { userId: 'viewer1', password: 'Viewer#2026' }), ['ERR_REG_REVIEWER_NOT_SUPERVISOR', 'reviewerUserId']);
    // the operator's password before the reviewer's (a wrong one here costs the supervisor nothing)
    assert.deepEqual(await attempt('Officer#2025', { userId: 'supervisor1', password: 'Supervisor#2025' }), ['ERR_REG_OPERATOR_AUTH_FAILED', 'password']);
    assert.deepEqual(submitSelectors.auth(state())?.error?.details, { draftId, attemptsLeft: 4 }, 'the first refusal of this operator: 4 attempts left');
    assert.deepEqual(await attempt('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2025' }), ['ERR_REG_REVIEWER_AUTH_FAILED', 'reviewerPassword']);
    assert.equal((submitSelectors.auth(state())?.error?.details as { attemptsLeft: number }).attemptsLeft, 4, 'the supervisor\'s own first refusal');
    assert.deepEqual([submitSelectors.status(state()), draftSelectors.view(state())], ['idle', 'preview'], 'nothing built, the preview stays');
    assert.equal(submitSelectors.reviewerRequired(state()), true, 'a refusal keeps the review section');
    await state().submit('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2026' });
    assert.equal(submitSelectors.status(state()), 'done', JSON.stringify(submitSelectors.error(state())));
    assert.deepEqual(calls('drafts.submit').at(-1), { draftId, receiptLanguage: 'por', password: 'Officer#2026', reviewer: { userId: 'supervisor1', password: 'Supervisor#2026' } });
    assert.equal(JSON.stringify(state()).includes('Supervisor#202'), false, 'no supervisor password in the store');
    // the receipt lists the exception, in the resident's language
    const biometrics = submitSelectors.receipt(state())?.sections.find((s) => s.heading === 'Biometria');
    assert.deepEqual(biometrics?.lines.find((l) => l.label.startsWith('Exceções')), { label: 'Exceções (1)', value: 'Mínimo esquerdo' });
  });

  it('sends no reviewer while the setting is off, and asks for one once a supervisor turns it on', async () => {
    backEnd.updateSettings((s) => ({ ...s, reviewerAuthentication: false }));
    const draftId = await toPreview(true);
    assert.equal(submitSelectors.reviewerRequired(state()), false, 'review turned off: no section');
    // a supervisor turns review on while the preview is open
    backEnd.updateSettings((s) => ({ ...s, reviewerAuthentication: true }));
    state().requestSubmit();
    await state().submit('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2026' });
    assert.deepEqual(calls('drafts.submit'), [{ draftId, receiptLanguage: 'por', password: 'Officer#2026' }], 'a reviewer is sent only once asked for');
    assert.equal(submitSelectors.auth(state())?.error?.code, 'ERR_REG_REVIEWER_REQUIRED');
    assert.equal(submitSelectors.reviewerRequired(state()), true, 'the dialog now shows the review section');
    await state().submit('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2026' });
    assert.equal(submitSelectors.status(state()), 'done', JSON.stringify(submitSelectors.error(state())));
  });

  it('submits without exceptions and without a reviewer, with progress, the RID, the receipt, and closes the form', async () => {
    const draftId = await toPreview(false);
    assert.equal(submitSelectors.reviewerRequired(state()), false, 'no exception: no review');
    const stages: string[] = [];
    const unsubscribe = store.subscribe((s) => {
      const p = submitSelectors.progress(s);
      if (p && stages.at(-1) !== p.stage) stages.push(p.stage);
    });
    state().requestSubmit();
    await state().submit('Officer#2025');
    assert.deepEqual(submitSelectors.auth(state())?.error, { code: 'ERR_REG_OPERATOR_AUTH_FAILED', details: { draftId, attemptsLeft: 4 } });
    assert.deepEqual([submitSelectors.status(state()), draftSelectors.view(state()), stages], ['idle', 'preview', []], 'a refused password stays on the preview, nothing built');
    assert.equal(formSelectors.status(state().form), 'editing', 'the form is kept');
    await state().submit('Officer#2026', { userId: 'supervisor1', password: 'Supervisor#2026' });
    unsubscribe();
    assert.deepEqual(calls('drafts.submit'), [{ draftId, receiptLanguage: 'por', password: 'Officer#2025' }, { draftId, receiptLanguage: 'por', password: 'Officer#2026' }], 'no reviewer sent when none is needed');
    assert.deepEqual([stages[0], stages.at(-1)], ['validate', 'done']);
    assert.equal(submitSelectors.auth(state()), null, 'the dialog closes once the build starts');
    assert.equal(JSON.stringify(state()).includes('Officer#202'), false, 'no password in the store');
    const rid = submitSelectors.rid(state());
    assert.match(rid ?? '', /^1000110002\d{5}20261122090000$/, 'centre, machine, a sequence and the back end\'s clock');
    const receipt = submitSelectors.receipt(state());
    assert.deepEqual([receipt?.language, receipt?.title, receipt?.rid.value], ['por', 'Comprovativo de registo', rid]);
    assert.equal(submitSelectors.residentName(state()), 'Maria da Graça');
    assert.equal(draftSelectors.view(state()), 'acknowledgement');
    assert.equal(formSelectors.status(state().form), 'idle');
  });
});

describe('registration store and the QR scanner (real Router, MOSIP simulator)', () => {
  let sim: MosipSimulator;
  let simulator: SbiSimulator;
  let backEnd: RealBackEnd;
  const simDir = makeTempDir();

  before(async () => {
    const clock = new ManualClock();
    simulator = await startSimulator({ now: () => clock.now() });
    sim = await new MosipSimulator({ stateDir: join(simDir.path, 'sim'), clock, idSchemaPath: new URL('../../../../../../schemas/data/stp/idSchema.json', import.meta.url) }).start();
    backEnd = await openRealBackEnd(simulator, makeTestPki(clock.now()), { serverUrl: sim.url }, clock);
    const { identity, machineKey } = backEnd.services.data;
    await admin(sim, 'machines', { centreId: identity.centreId, machineId: identity.machineId, publicKey: machineKey.spkiDer.toString('base64') });
    await backEnd.services.sync.mosip!.login('officer1', 'Officer#2026');
  });
  after(async () => {
    await backEnd.close();
    await sim.close();
    await simulator.close();
    simDir.remove();
  });

  it('fetches a PRID read by the scanner on the screen that takes one, and ignores a scan elsewhere', async () => {
    const store = createRegistrationStore(backEnd.api, () => backEnd.clock.now());
    const state = () => store.getState();
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    // as the ScannerService does with each line the serial scanner reads
    backEnd.services.hub.broadcast('scanner.onDidRead', { text: MARIA_PRID });
    assert.deepEqual(inputsOf(backEnd.calls, 'drafts.applyPreRegistration'), [], 'the consent screen takes no PRID');
    state().setValue('consent', { type: 'flag', checked: true });
    state().setValue('preferredLang', { type: 'code', code: 'por' });
    await state().next();
    assert.equal(formSelectors.currentScreen(state().form)?.preRegFetchRequired, true);
    const filled = new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (s.form.values['fullName']) {
          stop();
          resolve();
        }
      });
    });
    backEnd.services.hub.broadcast('scanner.onDidRead', { text: MARIA_PRID });
    await filled;
    assert.equal(state().draft.preRegistration.prid, MARIA_PRID, 'the scan shows in the PRID box');
    assert.deepEqual(inputsOf(backEnd.calls, 'drafts.applyPreRegistration'), [{ draftId: state().form.draftId, prid: MARIA_PRID }]);
    const stored = await backEnd.api['drafts.get']({ draftId: state().form.draftId! });
    assert.deepEqual(state().form.values['fullName'], stored.values['fullName'], 'the store shows what the back end prefilled');
    assert.equal(stored.preRegistrationId, MARIA_PRID);
  });
});
