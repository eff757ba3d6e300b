import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { BiometricAttemptResult, SubmitResult } from '../../../schemas/api/registrationApi';
import type { Reply } from '../../../schemas/api/transport';
import type { FieldIssue, FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import type { AppServices } from '../../../electron/host/createAppServices';
import { TRUST_DIR } from '../../../electron/services/devices/TrustAnchorService';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { makeTestPki, type TestPki } from '../../helpers/packetKeys';
import { openTestServices } from '../../helpers/openTestDataDir';
import { startSimulator } from '../sbi/sbiTestKit';
import { DEMOGRAPHICS, prepareDataDir, scan } from './registrationFixtures';
import { ManualClock } from '../../../native/time/ManualClock';
import { replyValue } from '../../helpers/replyValue';

const OFFICER_PASSWORD = 'Officer#2026';
const MODALITIES = ['left-slap', 'right-slap', 'thumbs', 'iris', 'face'] as const;

/**
 * Issue 12 (HIGH): what goes into a packet comes only from captures the main process received from
 * a trusted device and verified, kept in the draft, and verified again at submit. Every call here
 * goes through the Router the page uses; the simulator plays the devices.
 */
describe('captures reach a packet only from the main process, verified again at submit (Router, device simulator)', () => {
  let simulator: SbiSimulator;
  let services: AppServices;
  let dataDir: string;
  let close: () => Promise<void>;
  let pki: TestPki;
  const call = (method: string, input: unknown, connectionId = 'window-1') => services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const value = replyValue;
  const error = (reply: Reply) => (reply.ok ? { code: 'ok', details: {} } : reply.error);
  const packetCount = () => (services.data.db.prepare('SELECT count(*) AS n FROM packets').get() as { n: number }).n;
  const failedLogins = () => (services.data.db.prepare("SELECT failed_logins AS n FROM operators WHERE user_id = 'officer1'").get() as { n: number }).n;
  const get = async (draftId: string) => value<RegistrationDraft>(await call('drafts.get', { draftId }));
  const capture = (draftId: string, modality: string) => call('drafts.captureBiometrics', { draftId, fieldId: 'individualBiometrics', modality, exceptions: [] });
  const submit = (draftId: string) => call('drafts.submit', { draftId, receiptLanguage: 'por', password: OFFICER_PASSWORD });

  /** A draft with demographics and documents, and the biometrics captured unless told otherwise. */
  const draftWith = async (captured: boolean): Promise<RegistrationDraft> => {
    const draft = value<RegistrationDraft>(await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
    value(await call('drafts.save', { draft: { ...draft, values: { ...DEMOGRAPHICS } } }));
    const poi = value<FormFieldValue>(await call('drafts.attachDocument', { draftId: draft.draftId, fieldId: 'proofOfIdentity', documentType: 'CIN', refNumber: null, files: [scan('png')] }));
    const poa = value<FormFieldValue>(await call('drafts.attachDocument', { draftId: draft.draftId, fieldId: 'proofOfAddress', documentType: 'RNC', refNumber: null, files: [scan('png')] }));
    const stored = await get(draft.draftId);
    value(await call('drafts.save', { draft: { ...stored, values: { ...stored.values, proofOfIdentity: poi, proofOfAddress: poa } } }));
    if (captured) for (const m of MODALITIES) assert.equal(value<BiometricAttemptResult>(await capture(draft.draftId, m)).decision, 'accepted', m);
    return get(draft.draftId);
  };
  /** Alters one stored capture at rest, as only something outside the app could. */
  const alterStored = (draftId: string, modality: string, change: (result: { biometrics: { data: string }[] }) => void) => {
    const db = services.data.db;
    const row = db.prepare('SELECT result_json FROM draft_captures WHERE draft_id = ? AND modality = ?').get(draftId, modality) as { result_json: string };
    const result = JSON.parse(row.result_json) as { biometrics: { data: string }[] };
    change(result);
    db.prepare('UPDATE draft_captures SET result_json = ? WHERE draft_id = ? AND modality = ?').run(JSON.stringify(result), draftId, modality);
  };

  // the simulator reads the current test's clock: its certificates and timestamps meet the app's
  let clock = new ManualClock();
  before(async () => {
    simulator = await startSimulator({ now: () => clock.now() });
    pki = makeTestPki(Date.UTC(2026, 10, 22, 9, 0, 0));
  });
  after(async () => {
    await simulator.close();
  });
  beforeEach(async () => {
    ({ services, dataDir, close } = await openTestServices({ clock: (clock = new ManualClock()), app: { sbi: { ports: simulator.ports, captureTimeoutMs: 150, infoTimeoutMs: 1000 } } }));
    for (const kind of ['finger', 'iris', 'face'] as const) simulator.setFault(kind, undefined);
    prepareDataDir(dataDir, simulator, pki.regCertPem);
    value(await call('auth.login', { userId: 'officer1', password: OFFICER_PASSWORD }));
  });
  afterEach(() => close());

  it('ignores capture data the page forges into a draft: nothing to build, no packet', async () => {
    const draft = await draftWith(false);
    const forged: FormFieldValue = { type: 'biometrics', captured: ['face', 'leftEye', 'rightEye', 'leftThumb', 'rightThumb'], exceptions: [] };
    value(await call('drafts.save', { draft: { ...draft, values: { ...draft.values, individualBiometrics: forged } } }));
    assert.equal((await get(draft.draftId)).values.individualBiometrics, undefined, 'the page cannot write a biometrics value');
    const smuggled = error(await call('drafts.captureBiometrics', { draftId: draft.draftId, fieldId: 'individualBiometrics', modality: 'face', exceptions: [], result: { biometrics: [] } }));
    assert.equal(smuggled.code, 'ERR_IPC_INVALID_INPUT', 'a capture call carries no capture data');
    const issues = value<{ issues: FieldIssue[] }>(await call('drafts.validate', { draftId: draft.draftId })).issues;
    assert.ok(issues.some((i) => i.fieldId === 'individualBiometrics'), JSON.stringify(issues));
    assert.equal(error(await submit(draft.draftId)).code, 'ERR_REG_DRAFT_INCOMPLETE');
    assert.equal(packetCount(), 0);
  });

  it('refuses a capture whose device signature is bad, and keeps nothing of it', async () => {
    const draft = await draftWith(false);
    simulator.setFault('face', 'badSignature', ['RCAPTURE']);
    assert.equal(error(await capture(draft.draftId, 'face')).code, 'ERR_SBI_SIGNATURE_INVALID');
    assert.deepEqual(value<BiometricAttemptResult[]>(await call('drafts.biometrics', { draftId: draft.draftId })), []);
    assert.equal((await get(draft.draftId)).values.individualBiometrics, undefined);
  });

  it('verifies the stored captures again at submit: an altered signature builds nothing and costs no password attempt', async () => {
    const draft = await draftWith(true);
    alterStored(draft.draftId, 'iris', (result) => {
      const [h, p, s] = result.biometrics[0]!.data.split('.') as [string, string, string];
      result.biometrics[0]!.data = `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    });
    const refused = error(await submit(draft.draftId));
    assert.deepEqual([refused.code, refused.details], ['ERR_REG_CAPTURE_UNVERIFIED', { draftId: draft.draftId, fieldId: 'individualBiometrics', modality: 'iris', reason: 'element 0: ERR_SBI_SIGNATURE_INVALID' }]);
    assert.equal(packetCount(), 0);
    assert.equal(failedLogins(), 0);
    assert.equal((await get(draft.draftId)).draftId, draft.draftId, 'the draft is kept');
  });

  it('refuses at submit a stored capture whose image is not the one the device signed', async () => {
    const draft = await draftWith(true);
    alterStored(draft.draftId, 'face', (result) => {
      const b = result.biometrics[0] as unknown as { bioValue: string };
      b.bioValue = `${b.bioValue.slice(0, -2)}${b.bioValue.endsWith('AA') ? 'AQ' : 'AA'}`;
    });
    const refused = error(await submit(draft.draftId));
    assert.deepEqual([refused.code, (refused.details as { modality: string; reason: string }).reason], ['ERR_REG_CAPTURE_UNVERIFIED', 'element 0: the signed bioValue is not the kept image']);
    assert.equal(packetCount(), 0);
  });

  it('refuses at submit captures of a device no longer trusted (its CA removed after capture)', async () => {
    const draft = await draftWith(true);
    rmSync(join(dataDir, TRUST_DIR, 'device-ca.pem'));
    const refused = error(await submit(draft.draftId));
    assert.equal(refused.code, 'ERR_REG_CAPTURE_UNVERIFIED');
    assert.match((refused.details as { reason: string }).reason, /ERR_SBI_CERT_UNTRUSTED/);
    assert.equal(packetCount(), 0);
  });

  it('keeps each draft\'s captures to that draft: another draft\'s capture values and another operator are refused', async () => {
    const a = await draftWith(true);
    const b = await draftWith(false);
    // the page copies A's biometrics value into B: B's stored captures (none) win
    value(await call('drafts.save', { draft: { ...b, values: { ...b.values, individualBiometrics: a.values.individualBiometrics! } } }));
    assert.equal(error(await submit(b.draftId)).code, 'ERR_REG_DRAFT_INCOMPLETE');
    // another officer can neither capture into A nor submit it
    value(await call('auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }, 'window-2'));
    assert.equal(error(await call('drafts.captureBiometrics', { draftId: a.draftId, fieldId: 'individualBiometrics', modality: 'face', exceptions: [] }, 'window-2')).code, 'ERR_REG_DRAFT_NOT_OWNER');
    assert.equal(error(await call('drafts.submit', { draftId: a.draftId, receiptLanguage: 'por', password: 'Supervisor#2026' }, 'window-2')).code, 'ERR_REG_DRAFT_NOT_OWNER');
    assert.equal(packetCount(), 0);
    // and A, untouched, builds from its own verified captures
    assert.match(value<SubmitResult>(await submit(a.draftId)).packet.rid, /^\d{29}$/);
    assert.equal(packetCount(), 1);
  });
});
