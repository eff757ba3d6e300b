import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { DEFAULT_SETTINGS } from '../../../../../../schemas/settings';
import { createRegistrationStore, type RegistrationStore } from '../../../../../../renderer/features/registration/store/store';
import { biometricsSelectors } from '../../../../../../renderer/features/registration/store/slices/biometrics/selectors';
import { documentsSelectors } from '../../../../../../renderer/features/registration/store/slices/documents/selectors';
import { draftSelectors } from '../../../../../../renderer/features/registration/store/slices/draft/selectors';
import { formSelectors } from '../../../../../../renderer/features/registration/store/slices/form/selectors';
import { submitSelectors } from '../../../../../../renderer/features/registration/store/slices/submit/selectors';
import { initialRegistrationState } from '../../../../../../renderer/features/registration/store/initialState';
import type { SbiSimulator } from '../../../../../sims/sbi/SbiSimulator';
import { makeTestPki, type TestPki } from '../../../../../helpers/packetKeys';
import { startSimulator } from '../../../../../integration/sbi/sbiTestKit';
import { inputsOf, openRealBackEnd, type RealBackEnd } from '../../../../../helpers/realBackEnd';
import { ManualClock } from '../../../../../../native/time/ManualClock';
import { formSteps } from './formSteps';

const PAGE = (() => {
  const image = new PNG({ width: 40, height: 30 });
  image.data.fill(0xc0);
  return { name: 'bi.png', mimeType: 'image/png' as const, base64: PNG.sync.write(image).toString('base64') };
})();
const FINGER_MODALITIES = ['left-slap', 'right-slap', 'thumbs'] as const;

/**
 * The registration store on the real back end (Router, encrypted store, device simulator): what the
 * store sends, and what it shows of the back end's answers — thresholds and attempts from the
 * supervisor's settings, the kept attempt, exceptions, previews. Review and submit: storeSubmit.test.ts.
 */
describe('registration store flows (real Router, encrypted store, device simulator)', () => {
  let simulator: SbiSimulator;
  let pki: TestPki;
  let backEnd: RealBackEnd;
  let store: RegistrationStore;

  // one back end for the file (opening one costs seconds); each test starts from no drafts, the
  // default settings, ready devices and an empty call list
  before(async () => {
    // one clock for the app and the devices: their certificates and timestamps meet the app's
    const clock = new ManualClock();
    simulator = await startSimulator({ now: () => clock.now() });
    pki = makeTestPki(clock.now());
    backEnd = await openRealBackEnd(simulator, pki, {}, clock);
  });
  after(async () => {
    await backEnd.close();
    await simulator.close();
  });
  beforeEach(async () => {
    for (const device of simulator.devices.values()) {
      device.score = undefined;
      device.status = 'Ready';
    }
    await backEnd.api['devices.stopPreview']({});
    for (const { draftId } of (await backEnd.api['drafts.list']({})).items) await backEnd.api['drafts.discard']({ draftId });
    backEnd.updateSettings(() => DEFAULT_SETTINGS);
    backEnd.calls.length = 0;
    store = createRegistrationStore(backEnd.api, () => backEnd.clock.now());
  });
  afterEach(() => store.getState().reset());

  const state = () => store.getState();
  const calls = (method: string) => inputsOf(backEnd.calls, method);
  const screenName = () => formSelectors.currentScreen(state().form)?.name;

  const { fillConsent, fillDemographics: fillDemographicValues, toBiometrics } = formSteps(() => store, PAGE);
  /** one capture of the left slap at `score` (the simulator's quality for every finger) */
  async function captureLeftSlapAt(score: number) {
    simulator.device('finger').score = score;
    await state().captureBiometrics('individualBiometrics', 'left-slap');
    simulator.device('finger').score = undefined;
  }

  it('opens on the process picker with the bundle and no drafts, then creates a draft in the chosen languages', async () => {
    await state().open();
    assert.equal(draftSelectors.view(state()), 'picker');
    assert.equal(draftSelectors.bundleStatus(state()), 'ready');
    assert.deepEqual(draftSelectors.processes(state()).map((p) => p.id), ['NEW', 'UPDATE', 'LOST', 'BIOMETRIC_CORRECTION', 'CRVS_NEW', 'CRVS_DEATH']);
    assert.deepEqual(draftSelectors.drafts(state()), []);
    await state().start('NEW', ['por', 'eng']);
    assert.deepEqual(calls('drafts.create'), [{ process: 'NEW', languages: ['por', 'eng'] }]);
    assert.equal(draftSelectors.view(state()), 'form');
    assert.deepEqual(formSelectors.languages(state().form), ['por', 'eng']);
    assert.equal(screenName(), 'consentdet');
    const stored = await backEnd.api['drafts.get']({ draftId: state().form.draftId! });
    assert.deepEqual([stored.process, stored.languages], ['NEW', ['por', 'eng']], 'the back end holds the draft as created');
  });

  it('blocks next without saving, the list follows the fixes, and every screen change autosaves, back included', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await state().next();
    assert.equal(screenName(), 'consentdet');
    assert.deepEqual(draftSelectors.blockedIssues(state()).map((i) => [i.fieldId, i.rule]), [['consent', 'required'], ['preferredLang', 'required']]);
    assert.deepEqual(calls('drafts.save'), []);
    state().setValue('consent', { type: 'flag', checked: true });
    assert.deepEqual(draftSelectors.blockedIssues(state()).map((i) => i.fieldId), ['preferredLang'], 'the list follows the fixes');

    backEnd.clock.advance(1000);
    state().setValue('preferredLang', { type: 'code', code: 'por' });
    await state().next();
    assert.equal(screenName(), 'DemographicDetails');
    const saved = calls('drafts.save') as { draft: { screenIndex: number; values: object } }[];
    assert.deepEqual([saved.length, saved[0]!.draft.screenIndex], [1, 1]);
    const stored = await backEnd.api['drafts.get']({ draftId: state().form.draftId! });
    assert.deepEqual([stored.screenIndex, stored.values], [1, { consent: { type: 'flag', checked: true }, preferredLang: { type: 'code', code: 'por' } }]);
    assert.equal(draftSelectors.lastSavedAt(state()), backEnd.clock.now());
    backEnd.clock.advance(1000);
    await state().back();
    assert.equal(screenName(), 'consentdet');
    assert.equal(calls('drafts.save').length, 2);
    assert.equal((await backEnd.api['drafts.get']({ draftId: state().form.draftId! })).screenIndex, 0, 'back is saved too');
    assert.equal(draftSelectors.lastSavedAt(state()), backEnd.clock.now());
  });

  it('names the language of an invalid value, offers the districts of the chosen region, and takes an age as a birth date', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    assert.deepEqual(draftSelectors.options('province')(state()), [], 'no district before a region');
    state().setAge('dateOfBirth', 30);
    // the store's clock is the back end's (22 November 2026)
    assert.deepEqual(formSelectors.value('dateOfBirth')(state().form), { type: 'text', value: '1996/11/22' });
    assert.equal(formSelectors.ageGroup(state().form), 'ADULT');
    await fillConsent();
    fillDemographicValues();
    state().setLocalizedText('fullName', 'eng', 'M4ria');
    await state().next();
    assert.equal(screenName(), 'DemographicDetails');
    assert.deepEqual(draftSelectors.blockedIssues(state()).map((i) => [i.fieldId, i.language, i.rule]), [['fullName', 'eng', 'regex']]);

    // the districts are the synced master data's children of the region
    assert.deepEqual(draftSelectors.options('province')(state()).map((o) => o.code), ['AGR', 'MZC', 'CTG', 'CAU', 'LEM', 'LOB']);
    state().setValue('region', { type: 'code', code: 'RAP' });
    assert.equal(formSelectors.value('province')(state().form), undefined, 'a district of another region is cleared');
    assert.equal(draftSelectors.options('province')(state()).some((o) => o.code === 'AGR'), false);
  });

  it('shows UPDATE fields only for the groups the resident chose, and the back end keeps the choice', async () => {
    await state().open();
    await state().start('UPDATE', ['por', 'eng']);
    await fillConsent();
    assert.deepEqual(formSelectors.visibleFields(state().form).map((f) => f.id), ['UIN']);
    state().selectGroups(['Phone']);
    assert.deepEqual(formSelectors.visibleFields(state().form).map((f) => f.id), ['UIN', 'phone']);
    await state().save();
    assert.deepEqual((await backEnd.api['drafts.get']({ draftId: state().form.draftId! })).selectedGroups, ['Phone']);
  });

  it('keeps the returned document reference, and removes it', async () => {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await state().attachDocument('proofOfAddress', 'UTILITY_BILL', ' ', [PAGE]);
    const attached = documentsSelectors.attached('proofOfAddress')(state());
    assert.deepEqual([attached?.documentType, attached?.format, attached?.refNumber], ['UTILITY_BILL', 'pdf', null], 'a blank reference is none');
    const stored = (await backEnd.api['drafts.get']({ draftId: state().form.draftId! })).values['proofOfAddress'];
    assert.deepEqual(stored, attached, 'the store keeps what the back end stored');
    state().removeDocument('proofOfAddress');
    assert.equal(documentsSelectors.attached('proofOfAddress')(state()), null);
  });

  it('retries below the settings\' threshold and force-captures after the settings\' attempts, keeping the best', async () => {
    // a supervisor sets the finger threshold to 50 with 4 attempts: the back end reads them at each capture
    backEnd.updateSettings((s) => ({ ...s, devices: { ...s.devices, thresholds: { ...s.devices.thresholds, finger: 50 }, attempts: { ...s.devices.attempts, finger: 4 } } }));
    await toBiometrics();
    assert.deepEqual(biometricsSelectors.history('individualBiometrics', 'left-slap')(state()), []);
    await captureLeftSlapAt(45);
    const first = biometricsSelectors.attempt('individualBiometrics', 'left-slap')(state());
    assert.deepEqual([first?.decision, first?.attemptsLeft, first?.averageQuality, first?.threshold], ['retry', 3, 45, 50], '45 passes the default 40, not the setting\'s 50');
    for (const score of [48, 30, 47]) await captureLeftSlapAt(score);
    const last = biometricsSelectors.attempt('individualBiometrics', 'left-slap')(state());
    assert.deepEqual([last?.decision, last?.attemptsLeft, last?.keptAttempt], ['forceCaptured', 0, 2], 'the best attempt is kept, not the last');
    const expected = [45, 48, 30, 47].map((averageQuality, i) => ({ attempt: i + 1, averageQuality, kept: i === 1 }));
    assert.deepEqual(biometricsSelectors.history('individualBiometrics', 'left-slap')(state()), expected);
    assert.deepEqual(formSelectors.value('individualBiometrics')(state().form), { type: 'biometrics', captured: ['leftIndex', 'leftMiddle', 'leftRing', 'leftLittle'], exceptions: [] });

    // the list comes back after a resume, as the back end stored it
    await state().save();
    const draftId = state().form.draftId!;
    state().reset();
    await state().open();
    await state().resume(draftId);
    assert.deepEqual(biometricsSelectors.history('individualBiometrics', 'left-slap')(state()), expected);
  });

  it('accepts at the default threshold and retries with the default attempts left', async () => {
    await toBiometrics();
    await captureLeftSlapAt(40);
    assert.deepEqual(biometricsSelectors.attempt('individualBiometrics', 'left-slap')(state())?.decision, 'accepted', '40 reaches the default finger threshold');
    simulator.device('iris').score = 59;
    await state().captureBiometrics('individualBiometrics', 'iris');
    const iris = biometricsSelectors.attempt('individualBiometrics', 'iris')(state());
    assert.deepEqual([iris?.decision, iris?.threshold, iris?.attemptsLeft], ['retry', 60, 2]);
  });

  it('sends marked exceptions with the capture and requires the exception photo before next', async () => {
    await toBiometrics();
    state().setException('individualBiometrics', 'leftLittle', true);
    assert.deepEqual(biometricsSelectors.modalities('individualBiometrics')(state()), ['left-slap', 'right-slap', 'thumbs', 'iris', 'face', 'exception-photo']);
    for (const modality of [...FINGER_MODALITIES, 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
    assert.deepEqual((calls('drafts.captureBiometrics')[0] as { exceptions: string[] }).exceptions, ['Left LittleFinger']);
    assert.deepEqual((calls('drafts.captureBiometrics')[1] as { exceptions: string[] }).exceptions, []);
    assert.deepEqual(formSelectors.value('individualBiometrics')(state().form), {
      // in the back end's order of the field's attributes, the excepted finger apart
      type: 'biometrics', captured: ['rightIndex', 'rightMiddle', 'rightRing', 'rightLittle', 'rightThumb', 'leftIndex', 'leftMiddle', 'leftRing', 'leftThumb', 'rightEye', 'leftEye', 'face'], exceptions: ['leftLittle'],
    });

    await state().next();
    assert.equal(screenName(), 'BiometricDetails');
    assert.deepEqual(draftSelectors.missingExceptionPhotos(state()), ['individualBiometrics']);
    await state().captureBiometrics('individualBiometrics', 'exception-photo');
    assert.deepEqual(draftSelectors.missingExceptionPhotos(state()), []);
    assert.deepEqual((calls('drafts.captureBiometrics').at(-1) as { exceptions: string[] }).exceptions, ['Left LittleFinger'], 'the photo proves every exception');
    const proof = documentsSelectors.attached('proofOfException')(state());
    assert.equal(proof?.type, 'document', 'the back end\'s proof-of-exception document is kept for autosave');
    assert.deepEqual((await backEnd.api['drafts.get']({ draftId: state().form.draftId! })).values['proofOfException'], proof);
    await state().next();
    assert.equal(draftSelectors.view(state()), 'preview');
    assert.deepEqual(calls('drafts.validate'), [{ draftId: state().form.draftId }]);
    assert.deepEqual(submitSelectors.issues(state()), []);
    assert.equal(submitSelectors.canSubmit(state()), true);
  });

  it('shows the latest frame of the modality previewed, ignores others, and stops the device stream', async () => {
    await toBiometrics();
    const framed = new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (biometricsSelectors.previewSrc('face')(s)) {
          stop();
          resolve();
        }
      });
    });
    await state().startPreview('face');
    await framed;
    assert.match(biometricsSelectors.previewSrc('face')(state()) ?? '', /^data:image\/jpeg;base64,\/9j\//, 'a JPEG frame of the simulator\'s stream');
    // a frame of another modality (as another window's preview would broadcast) is not shown here
    backEnd.services.hub.broadcast('devices.onDidPreviewFrame', { modality: 'iris', index: 0, jpegBase64: 'aXJpcw==' });
    assert.equal(biometricsSelectors.previewSrc('iris')(state()), null);
    await state().stopPreview();
    assert.deepEqual(calls('devices.stopPreview').length, 1);
    assert.equal(biometricsSelectors.previewSrc('face')(state()), null);
    assert.equal(biometricsSelectors.previewModality(state()), null);
    // the store stopped listening: a late frame is not shown
    backEnd.services.hub.broadcast('devices.onDidPreviewFrame', { modality: 'face', index: 99, jpegBase64: '/9j/AA==' });
    assert.equal(biometricsSelectors.previewSrc('face')(state()), null);
  });

  it('shows a preview that ends with the device\'s error', async () => {
    await toBiometrics();
    // the iris camera was found ready, then unplugged: its MDS answers the stream with SBI error 607
    await backEnd.api['devices.discover']({});
    simulator.device('iris').status = 'Not Ready';
    const ended = new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (biometricsSelectors.error(s)) {
          stop();
          resolve();
        }
      });
    });
    await state().startPreview('iris');
    await ended;
    assert.equal(biometricsSelectors.error(state())?.code, 'ERR_SBI_DEVICE_ERROR');
    assert.equal(biometricsSelectors.previewModality(state()), null);
  });

  it('opens the authentication dialog from the preview and cancels it without a call, then resets', async () => {
    await toBiometrics();
    for (const modality of [...FINGER_MODALITIES, 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
    await state().next();
    state().requestSubmit();
    assert.deepEqual(submitSelectors.auth(state()), { error: null });
    state().cancelSubmit();
    assert.equal(submitSelectors.auth(state()), null);
    assert.deepEqual(calls('drafts.submit'), []);
    state().reset();
    const { form, draft, documents, docScan, biometrics, submission } = state();
    assert.deepEqual({ form, draft, documents, docScan, biometrics, submission }, initialRegistrationState());
    // a reset store no longer listens to device warnings
    backEnd.services.hub.broadcast('devices.onDidWarn', { code: 'ERR_SBI_NO_DEVICE', message: 'no device', details: { modality: 'iris' } });
    assert.equal(state().biometrics.warning, null);
  });
});
