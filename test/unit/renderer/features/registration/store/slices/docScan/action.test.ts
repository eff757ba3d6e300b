import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import { listConfig, replaceConfig } from '../../../../../../../../electron/services/db/repos/syncConfig';
import { DOCUMENT_SIZE_KEY } from '../../../../../../../../electron/services/registration/drafts/DraftDocuments';
import { initialDocScanState } from '../../../../../../../../renderer/features/registration/store/initialState';
import { docScanSelectors } from '../../../../../../../../renderer/features/registration/store/slices/docScan/selectors';
import { documentsSelectors } from '../../../../../../../../renderer/features/registration/store/slices/documents/selectors';
import { inputsOf } from '../../../../../../../helpers/realBackEnd';
import { useNewDraftStore } from '../../newDraftStore';
import { MAX_UPLOAD_BYTES } from '../../../../../../../../schemas/api/registrationApi';

const FIELD = 'proofOfIdentity';

/** A camera page as the panel takes it: JPEG base64; `noisy` pages do not compress (a large page). */
function cameraPage(width: number, height: number, noisy = false): string {
  const data = noisy ? randomBytes(width * height * 4) : Buffer.alloc(width * height * 4, 0xc0);
  return Buffer.from(jpeg.encode({ data, width, height }, 90).data).toString('base64');
}

describe('docScan actions (real Router and document service)', () => {
  // one back end for the file; each test has a new draft and an empty call list
  const bed = useNewDraftStore();
  afterEach(() => bed.store.getState().reset());

  const state = () => bed.store.getState();
  const attachCalls = () => inputsOf(bed.backEnd.calls, 'drafts.attachDocument') as { fieldId: string; documentType: string; refNumber: string | null; files: { name: string; mimeType: string }[] }[];
  function scanPages(...pages: string[]) {
    state().openScan(FIELD);
    state().cameraLive([{ deviceId: 'cam-1', label: 'Camera' }], 'cam-1');
    for (const page of pages) state().addScanPage(page);
  }

  it('sends the pages as JPEGs, in order, through drafts.attachDocument, keeps the stored PDF and closes the panel', async () => {
    const pages = [cameraPage(40, 30), cameraPage(30, 40)];
    scanPages(...pages);
    assert.equal(docScanSelectors.pageCount(state()), 2);
    await state().attachScan('CIN', ' BI-123 ');
    const sent = attachCalls();
    assert.deepEqual(sent.map((c) => [c.fieldId, c.documentType, c.refNumber, c.files.map((f) => [f.name, f.mimeType])]), [
      [FIELD, 'CIN', 'BI-123', [['scan-page-1.jpg', 'image/jpeg'], ['scan-page-2.jpg', 'image/jpeg']]],
    ]);
    assert.deepEqual(sent[0]!.files.map((f) => (f as unknown as { base64: string }).base64), pages, 'the pages as taken, in order');
    assert.equal(documentsSelectors.status(FIELD)(state()), 'attached');
    const attached = documentsSelectors.attached(FIELD)(state());
    assert.deepEqual([attached?.documentType, attached?.format, attached?.refNumber], ['CIN', 'pdf', 'BI-123'], 'the back end made one PDF of the pages');
    assert.deepEqual((await bed.backEnd.api['drafts.get']({ draftId: state().form.draftId! })).values[FIELD], attached);
    assert.deepEqual(state().docScan, initialDocScanState(), 'closed: the camera stops and the pages are dropped');
  });

  it('keeps the panel and its pages open with the back end\'s size-limit error', async () => {
    // the limit from the synced config (MOSIP mosip.registration.document_size), below the large page
    const db = bed.backEnd.services.data.db;
    const synced = listConfig(db, 'registration');
    replaceConfig(db, 'registration', { ...synced, [DOCUMENT_SIZE_KEY]: '20000' }, bed.backEnd.clock.now());
    try {
      scanPages(cameraPage(200, 200, true), cameraPage(40, 30));
      await state().attachScan('CIN', '');
      const error = documentsSelectors.error(FIELD)(state());
      assert.equal(error?.code, 'ERR_REG_DOCUMENT_TOO_LARGE');
      assert.equal((error?.details as { limitBytes: number }).limitBytes, 20000);
      assert.equal(docScanSelectors.openFieldId(state()), FIELD);
      assert.equal(docScanSelectors.pageCount(state()), 2, 'nothing taken is lost');
      // the operator removes the big page and attaches the rest
      state().removeScanPage(docScanSelectors.pages(state())[0]!.id);
      await state().attachScan('CIN', '');
      assert.equal(documentsSelectors.status(FIELD)(state()), 'attached');
      assert.equal(docScanSelectors.openFieldId(state()), null);
      assert.deepEqual(attachCalls().map((c) => c.files.length), [2, 1]);
    } finally {
      replaceConfig(db, 'registration', synced, bed.backEnd.clock.now());
    }
  });

  it('does not call the back end without pages or with the panel closed', async () => {
    state().openScan(FIELD);
    await state().attachScan('CIN', '');
    state().closeScan();
    await state().attachScan('CIN', '');
    assert.deepEqual(attachCalls(), []);
  });

  it('opens clean: an earlier refused file of the field is not shown in the panel', () => {
    state().rejectDocument(FIELD, 'scan.gif', 'image/gif');
    assert.equal(documentsSelectors.error(FIELD)(state())?.code, 'ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT');
    state().openScan(FIELD);
    assert.equal(documentsSelectors.error(FIELD)(state()), null);
  });

  it('refuses files from their size alone, before reading them, with the back end\'s size error and no call', () => {
    state().rejectOversized(FIELD, ['scan.jpg', 'verso.jpg'], MAX_UPLOAD_BYTES + 1);
    const error = documentsSelectors.error(FIELD)(state());
    assert.equal(error?.code, 'ERR_REG_DOCUMENT_TOO_LARGE');
    assert.deepEqual(error?.details, { name: 'scan.jpg, verso.jpg', sizeBytes: MAX_UPLOAD_BYTES + 1, limitBytes: MAX_UPLOAD_BYTES, sizeKb: Math.ceil((MAX_UPLOAD_BYTES + 1) / 1024), limitKb: Math.floor(MAX_UPLOAD_BYTES / 1024) });
    assert.deepEqual(attachCalls(), []);
  });

  it('drops the panel when another draft starts', async () => {
    scanPages(cameraPage(40, 30));
    await state().start('NEW', ['por', 'eng']);
    assert.deepEqual(state().docScan, initialDocScanState());
  });
});
