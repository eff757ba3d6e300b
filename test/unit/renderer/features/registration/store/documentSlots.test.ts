import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import type { UploadedFile } from '../../../../../../schemas/api/registrationApi';
import { createRegistrationStore, type RegistrationStore } from '../../../../../../renderer/features/registration/store/store';
import { documentsSelectors } from '../../../../../../renderer/features/registration/store/slices/documents/selectors';
import { draftSelectors } from '../../../../../../renderer/features/registration/store/slices/draft/selectors';
import { openRealBackEnd, type RealBackEnd } from '../../../../../helpers/realBackEnd';

function png(): UploadedFile {
  const image = new PNG({ width: 40, height: 30 });
  image.data.fill(0xc0);
  return { name: 'page.png', mimeType: 'image/png', base64: PNG.sync.write(image).toString('base64') };
}

/**
 * Issue 13 at the store: a document slot is what the main process draft holds. The dropdown's
 * options always contain the attached type (a prefilled type the master data does not offer is not
 * hidden behind the first offered one), and a reference number typed after attaching reaches the
 * draft and survives the autosave of Next/Back. Real Router and encrypted store.
 */
describe('registration store: document slots render the draft (issue 13)', () => {
  let backEnd: RealBackEnd;
  let store: RegistrationStore;
  const state = () => store.getState();

  beforeEach(async () => {
    backEnd = await openRealBackEnd();
    store = createRegistrationStore(backEnd.api, () => backEnd.clock.now());
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    for (const [id, code] of [['gender', 'FLE'], ['residenceStatus', 'NAT']] as const) state().setValue(id, { type: 'code', code });
    state().setValue('dateOfBirth', { type: 'text', value: '1990/05/17' });
  });
  afterEach(() => backEnd.close());

  const stored = async (fieldId: string) => (await backEnd.api['drafts.get']({ draftId: state().form.draftId! })).values[fieldId];
  const codes = (fieldId: string) => documentsSelectors.typeOptions(fieldId)(state()).map((t) => t.code);

  it('offers the attached type in the dropdown, first when the master data does not offer it', async () => {
    const offered = draftSelectors.documentTypes('proofOfIdentity')(state()).map((t) => t.code);
    assert.deepEqual(codes('proofOfIdentity'), offered, 'nothing attached: the master data types');
    await state().attachDocument('proofOfIdentity', 'PASSPORT', 'P0458812', [png()]);
    assert.deepEqual(codes('proofOfIdentity'), offered, 'an offered type is not repeated');
    // a pre-registration type this centre's master data lacks
    await state().attachDocument('proofOfAddress', 'RNC', null, [png()]);
    assert.deepEqual(codes('proofOfAddress'), ['RNC', ...draftSelectors.documentTypes('proofOfAddress')(state()).map((t) => t.code)]);
  });

  it('sends a reference number and a type changed after attaching to the draft, and the next autosave keeps them', async () => {
    await state().attachDocument('proofOfIdentity', 'PASSPORT', null, [png()]);
    await state().describeDocument('proofOfIdentity', 'CIN', 'BI-0042');
    const slot = documentsSelectors.attached('proofOfIdentity')(state());
    assert.deepEqual([slot?.documentType, slot?.refNumber, slot?.pageCount], ['CIN', 'BI-0042', 1]);
    assert.deepEqual(await stored('proofOfIdentity'), slot);
    await state().save();
    assert.deepEqual(await stored('proofOfIdentity'), slot);
    assert.deepEqual(backEnd.calls.filter((c) => c.method === 'drafts.describeDocument').map((c) => c.input), [
      { draftId: state().form.draftId, fieldId: 'proofOfIdentity', documentType: 'CIN', refNumber: 'BI-0042' },
    ]);
  });

  it('says which slot has no document when a number is sent for an empty one', async () => {
    await state().describeDocument('proofOfAddress', 'UTILITY_BILL', 'X');
    assert.deepEqual(documentsSelectors.error('proofOfAddress')(state()), { code: 'ERR_REG_DOCUMENT_NOT_ATTACHED', details: { fieldId: 'proofOfAddress' } });
  });
});
