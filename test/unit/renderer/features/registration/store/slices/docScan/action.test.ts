import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { initialDocScanState } from '../../../../../../../../renderer/features/registration/store/initialState';
import { createRegistrationStore, type RegistrationStore } from '../../../../../../../../renderer/features/registration/store/store';
import { docScanSelectors } from '../../../../../../../../renderer/features/registration/store/slices/docScan/selectors';
import { documentsSelectors } from '../../../../../../../../renderer/features/registration/store/slices/documents/selectors';
import { FakeRegistrationApi, FAKE_DOCUMENT_LIMIT } from '../../fakeRegistrationApi';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const FIELD = 'proofOfIdentity';

describe('docScan actions (contract-shaped fake back end)', () => {
  let fake: FakeRegistrationApi;
  let store: RegistrationStore;

  beforeEach(async () => {
    fake = new FakeRegistrationApi(() => NOW);
    store = createRegistrationStore(fake.api, () => NOW);
    await state().open();
    await state().start('NEW', ['por', 'eng']);
  });

  const state = () => store.getState();
  const attachCalls = () => fake.calls.filter((c) => c.method === 'drafts.attachDocument').map((c) => c.input);
  function scanPages(...pages: string[]) {
    state().openScan(FIELD);
    state().cameraLive([{ deviceId: 'cam-1', label: 'Fake camera' }], 'cam-1');
    for (const page of pages) state().addScanPage(page);
  }

  it('sends the pages as JPEGs, in order, through drafts.attachDocument and closes the panel', async () => {
    scanPages('/9j/AAAA', '/9j/BBBB');
    assert.equal(docScanSelectors.pageCount(state()), 2);
    await state().attachScan('DOC_ID_CARD', ' BI-123 ');
    assert.deepEqual(attachCalls(), [{ draftId: state().form.draftId, fieldId: FIELD, documentType: 'DOC_ID_CARD', refNumber: 'BI-123', files: ['scan-page-1.jpg', 'scan-page-2.jpg'] }]);
    assert.equal(documentsSelectors.status(FIELD)(state()), 'attached');
    const { storageId, ...attached } = documentsSelectors.attached(FIELD)(state()) ?? { storageId: '' };
    assert.match(storageId, /^doc-\d+$/);
    assert.deepEqual(attached, { type: 'document', documentType: 'DOC_ID_CARD', format: 'pdf', refNumber: 'BI-123', sizeBytes: 16 });
    assert.deepEqual(state().docScan, initialDocScanState(), 'closed: the camera stops and the pages are dropped');
  });

  it('keeps the panel and its pages open with the back end\'s size-limit error', async () => {
    scanPages('A'.repeat(FAKE_DOCUMENT_LIMIT), 'B'.repeat(8));
    await state().attachScan('DOC_ID_CARD', '');
    assert.equal(documentsSelectors.error(FIELD)(state())?.code, 'ERR_REG_DOCUMENT_TOO_LARGE');
    assert.equal(docScanSelectors.openFieldId(state()), FIELD);
    assert.equal(docScanSelectors.pageCount(state()), 2, 'nothing taken is lost');
    // the operator removes the big page and attaches the rest
    state().removeScanPage(docScanSelectors.pages(state())[0]!.id);
    await state().attachScan('DOC_ID_CARD', '');
    assert.equal(documentsSelectors.status(FIELD)(state()), 'attached');
    assert.equal(docScanSelectors.openFieldId(state()), null);
  });

  it('does not call the back end without pages or with the panel closed', async () => {
    state().openScan(FIELD);
    await state().attachScan('DOC_ID_CARD', '');
    state().closeScan();
    await state().attachScan('DOC_ID_CARD', '');
    assert.deepEqual(attachCalls(), []);
  });

  it('opens clean: an earlier refused file of the field is not shown in the panel', () => {
    state().rejectDocument(FIELD, 'scan.gif', 'image/gif');
    assert.equal(documentsSelectors.error(FIELD)(state())?.code, 'ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT');
    state().openScan(FIELD);
    assert.equal(documentsSelectors.error(FIELD)(state()), null);
  });

  it('drops the panel when another draft starts', async () => {
    scanPages('/9j/AAAA');
    await state().start('NEW', ['por', 'eng']);
    assert.deepEqual(state().docScan, initialDocScanState());
  });
});
