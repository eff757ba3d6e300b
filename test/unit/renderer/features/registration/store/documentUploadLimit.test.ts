import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64Length, MAX_UPLOAD_BYTES, registrationApi } from '../../../../../../schemas/api/registrationApi';
import { documentsSelectors } from '../../../../../../renderer/features/registration/store/slices/documents/selectors';
import { useNewDraftStore } from './newDraftStore';

/**
 * Issue 12: the browser host closes a socket whose frame is over the limit, so the page must not
 * send more than one `drafts.attachDocument` may carry; it says why instead.
 */
describe('documents: the page checks the upload limit before sending', () => {
  // what counts is what the page sent the real back end
  const bed = useNewDraftStore();
  const sent = () => bed.backEnd.calls.filter((c) => c.method === 'drafts.attachDocument').length;
  const page = (name: string, bytes: number) => ({ name, mimeType: 'image/jpeg' as const, base64: 'A'.repeat(base64Length(bytes)) });

  it('refuses pages that together exceed MAX_UPLOAD_BYTES without calling the back end, naming the size and the limit', async () => {
    const half = Math.ceil(MAX_UPLOAD_BYTES / 2 / 3) * 3;
    await bed.store.getState().attachDocument('proofOfAddress', 'DOC_UTILITY', null, [page('p1.jpg', half), page('p2.jpg', half + 3)]);
    assert.equal(sent(), 0);
    const error = documentsSelectors.error('proofOfAddress')(bed.store.getState());
    assert.deepEqual(error, {
      code: 'ERR_REG_DOCUMENT_TOO_LARGE',
      details: { name: 'p1.jpg, p2.jpg', sizeBytes: 2 * half + 3, limitBytes: MAX_UPLOAD_BYTES, sizeKb: Math.ceil((2 * half + 3) / 1024), limitKb: Math.floor(MAX_UPLOAD_BYTES / 1024) },
    });
  });

  it('the contract refuses the same over-limit call, naming the field', () => {
    const input = (bytes: number[]) => ({ draftId: 'd', fieldId: 'proofOfAddress', documentType: 'DOC_UTILITY', refNumber: null, files: bytes.map((b, i) => page(`p${i}.jpg`, b)) });
    const schema = registrationApi['drafts.attachDocument'].input;
    assert.equal(schema.safeParse(input([MAX_UPLOAD_BYTES / 2 - 1, MAX_UPLOAD_BYTES / 2 - 1])).success, true);
    const over = schema.safeParse(input([MAX_UPLOAD_BYTES / 2 - 1, MAX_UPLOAD_BYTES / 2 + 5]));
    assert.deepEqual(over.error?.issues.map((i) => i.path.join('.')), ['files']);
  });

  it('sends pages up to the limit', async () => {
    await bed.store.getState().attachDocument('proofOfAddress', 'DOC_UTILITY', null, [page('p1.jpg', 3_000), page('p2.jpg', 3_000)]);
    assert.equal(sent(), 1);
  });
});
