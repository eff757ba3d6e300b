import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRegistrationStore } from '../../../../../../renderer/features/registration/store/store';
import { draftSelectors } from '../../../../../../renderer/features/registration/store/slices/draft/selectors';
import { formSelectors } from '../../../../../../renderer/features/registration/store/slices/form/selectors';
import { ManualClock } from '../../../../../../native/time/ManualClock';
import type { SbiSimulator } from '../../../../../sims/sbi/SbiSimulator';
import { makeTestPki } from '../../../../../helpers/packetKeys';
import { startSimulator } from '../../../../../integration/sbi/sbiTestKit';
import { inputsOf, openRealBackEnd, type RealBackEnd } from '../../../../../helpers/realBackEnd';
import { PARENT_UIN, birthQr } from '../../../../../integration/app/crvsFixtures';

/**
 * The serial scanner on the CRVS_NEW birth record screen: a birth certificate's QR goes to
 * drafts.applyBirthRecord (not to the PRID fetch) and fills the form; a code that is not a birth
 * certificate shows its error there and fills nothing; a scan on another screen is ignored.
 */
describe('registration store and a birth certificate QR (real Router)', () => {
  let simulator: SbiSimulator;
  let backEnd: RealBackEnd;

  before(async () => {
    const clock = new ManualClock();
    simulator = await startSimulator({ now: () => clock.now() });
    backEnd = await openRealBackEnd(simulator, makeTestPki(clock.now()), {}, clock);
  });
  after(async () => {
    await backEnd.close();
    await simulator.close();
  });

  it('fills the birth record, the child and the parent from a scan on the birth record screen only', async () => {
    const store = createRegistrationStore(backEnd.api, () => backEnd.clock.now());
    const state = () => store.getState();
    await state().open();
    await state().start('CRVS_NEW', ['por']);
    const qr = JSON.stringify(birthQr(backEnd.clock.now()));
    backEnd.services.hub.broadcast('scanner.onDidRead', { text: qr });
    assert.deepEqual(inputsOf(backEnd.calls, 'drafts.applyBirthRecord'), [], 'the consent screen takes no birth certificate');
    state().setValue('consent', { type: 'flag', checked: true });
    state().setValue('preferredLang', { type: 'code', code: 'por' });
    await state().next();
    assert.equal(formSelectors.currentScreen(state().form)?.name, 'BirthRecord');

    const settled = () => new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (s.draft.birthRecord.status === 'done' || s.draft.birthRecord.status === 'failed') {
          stop();
          resolve();
        }
      });
    });
    let done = settled();
    backEnd.services.hub.broadcast('scanner.onDidRead', { text: '{"format":"PASSPORT"}' });
    // the scan is taken at once (synchronously), so a scan that went nowhere fails here, not by hanging
    assert.equal(draftSelectors.birthRecord(state()).status, 'applying');
    await done;
    assert.equal(draftSelectors.birthRecord(state()).error?.code, 'ERR_REG_BIRTH_QR_INVALID');
    assert.equal(state().form.values['birthCertificateNumber'], undefined, 'nothing filled from a refused code');

    done = settled();
    backEnd.services.hub.broadcast('scanner.onDidRead', { text: qr });
    assert.equal(draftSelectors.birthRecord(state()).status, 'applying');
    await done;
    assert.deepEqual([draftSelectors.birthRecord(state()).status, draftSelectors.birthRecord(state()).applied?.birthCertificateNumber], ['done', 'AG-2026/00123']);
    assert.deepEqual(state().form.values['birthCertificateNumber'], { type: 'text', value: 'AG-2026/00123' });
    assert.deepEqual(state().form.values['introducerUIN'], { type: 'text', value: PARENT_UIN });
    assert.equal(formSelectors.currentScreen(state().form)?.name, 'BirthRecord', 'the operator stays on the screen to check the values');
    assert.deepEqual(inputsOf(backEnd.calls, 'drafts.applyPreRegistration'), [], 'never taken for a PRID');
  });
});
