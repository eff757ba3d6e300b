import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { BiometricAttemptResult } from '../../../schemas/api/registrationApi';
import type { RegistrationDraft } from '../../../schemas/registrationForm';
import type { CaptureResult } from '../../../schemas/sbi';
import type { AppServices } from '../../../electron/host/createAppServices';
import { getDraftRow, listDraftCaptures } from '../../../electron/services/db/repos/drafts';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { openTestServices } from '../../helpers/openTestDataDir';
import { startSimulator } from '../sbi/sbiTestKit';
import { prepareDataDir } from './registrationFixtures';
import { ManualClock } from '../../../native/time/ManualClock';
import { replyValue } from '../../helpers/replyValue';

/**
 * The SBI hash chain of one registration, across its captures (MDS 0.9.5 / SBI 1.0 "previousHash":
 * the first capture chains from SHA-256(""), each later one from the last hash received; reference
 * sbi-protocol.md §2.6 step 5). The device simulator computes every hash from the request's
 * previousHash, so a client that restarts the chain gets hashes this independent recomputation refuses.
 */
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();
const EMPTY = sha256('').toString('hex').toUpperCase();
const link = (prev: string, bioValue: string) => sha256(Buffer.concat([Buffer.from(prev, 'hex'), sha256(Buffer.from(bioValue, 'base64url'))])).toString('hex').toUpperCase();

describe('hash chain across the captures of one registration (device simulator, Router)', () => {
  let simulator: SbiSimulator;
  let services: AppServices;
  let close: () => Promise<void>;
  const ctx = { connectionId: 'window-1', sink: () => undefined };
  const call = (method: string, input: unknown) => services.router.dispatch(ctx, method, input);
  const value = replyValue;
  const create = async () => value<RegistrationDraft>(await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
  const capture = async (draftId: string, modality: string) =>
    value<BiometricAttemptResult>(await call('drafts.captureBiometrics', { draftId, fieldId: 'individualBiometrics', modality, exceptions: [] }));
  const attemptsOf = (draftId: string): CaptureResult[] => listDraftCaptures(services.data.db, draftId).map((r) => JSON.parse(r.resultJson) as CaptureResult);

  // the simulator reads the current test's clock: its certificates and timestamps meet the app's
  let clock = new ManualClock();
  before(async () => {
    simulator = await startSimulator({ now: () => clock.now() });
  });
  after(async () => {
    await simulator.close();
  });
  beforeEach(async () => {
    let dataDir: string;
    ({ services, dataDir, close } = await openTestServices({ clock: (clock = new ManualClock()), app: { sbi: { ports: simulator.ports, captureTimeoutMs: 150, infoTimeoutMs: 1000 } } }));
    for (const device of simulator.devices.values()) device.score = undefined;
    prepareDataDir(dataDir, simulator);
    value(await call('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
  });
  afterEach(() => close());

  it('chains every capture of a draft from the one before, retakes included, and a new draft starts afresh', async (t) => {
    const draft = await create();
    const order = ['face', 'iris', 'left-slap', 'iris'];
    let chain = EMPTY;
    for (const [i, modality] of order.entries()) {
      await capture(draft.draftId, modality);
      const attempts = listDraftCaptures(services.data.db, draft.draftId);
      assert.equal(attempts.length, i + 1);
      const latest = JSON.parse(getLatest(attempts, modality).resultJson) as CaptureResult;
      for (const [k, bio] of latest.biometrics.entries()) {
        const expected = link(chain, bio.bioValue);
        assert.equal(bio.hash, expected, `capture ${i + 1} (${modality}) element ${k}: the chain restarted or skipped`);
        chain = expected;
      }
      assert.equal(latest.lastHash, chain);
      assert.equal(getDraftRow(services.data.db, draft.draftId)?.hashChain, chain, 'the draft keeps the last hash for the next capture');
    }
    t.diagnostic(`chain of ${order.length} captures ends ${chain.slice(0, 16)}…`);

    const other = await create();
    await capture(other.draftId, 'face');
    const [first] = attemptsOf(other.draftId);
    assert.equal(first!.biometrics[0]!.hash, link(EMPTY, first!.biometrics[0]!.bioValue), 'a new registration starts from SHA-256("")');
  });
});

/** The newest attempt of a modality (attempts are numbered per field and modality). */
function getLatest(rows: ReturnType<typeof listDraftCaptures>, modality: string) {
  return rows.filter((r) => r.modality === modality).sort((a, b) => b.attempt - a.attempt)[0]!;
}
