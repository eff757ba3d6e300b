import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_DOCUMENT_FILES } from '../../../../../../../../schemas/api/registrationApi';
import { initialDocScanState, type DocScanState } from '../../../../../../../../renderer/features/registration/store/initialState';
import { docScanActions as A, docScanReducer, type DocScanAction } from '../../../../../../../../renderer/features/registration/store/slices/docScan/reducer';

const CAMERAS = [{ deviceId: 'cam-front', label: 'Integrated Camera' }, { deviceId: 'cam-doc', label: 'IPEVO V4K' }];

function run(state: DocScanState, ...actions: DocScanAction[]): DocScanState {
  return actions.reduce(docScanReducer, state);
}
const opened = () => run(initialDocScanState(), A.open('proofOfIdentity'));

describe('docScanReducer', () => {
  it('opens a field\'s panel empty, waiting for the camera', () => {
    assert.deepEqual(opened(), { ...initialDocScanState(), fieldId: 'proofOfIdentity', camera: 'starting' });
  });

  it('adds pages in order with their own ids, and removes the one asked for', () => {
    const state = run(opened(), A.cameraLive(CAMERAS, 'cam-doc'), A.addPage('AAAA'), A.addPage('BBBB'), A.addPage('CCCC'), A.removePage(2));
    assert.deepEqual(state.pages, [{ id: 1, jpegBase64: 'AAAA' }, { id: 3, jpegBase64: 'CCCC' }]);
    // a page taken after a removal never reuses an id (React keys, and "remove page 2" twice)
    assert.deepEqual(run(state, A.addPage('DDDD')).pages.map((p) => p.id), [1, 3, 4]);
  });

  it('stops at the most files one attach call takes', () => {
    const full = run(opened(), ...Array.from({ length: MAX_DOCUMENT_FILES + 2 }, (_, i) => A.addPage(`P${i}`)));
    assert.equal(full.pages.length, MAX_DOCUMENT_FILES);
    assert.equal(full.pages.at(-1)?.jpegBase64, `P${MAX_DOCUMENT_FILES - 1}`);
  });

  it('ignores an empty frame and pages or camera events for a closed panel', () => {
    assert.deepEqual(run(opened(), A.addPage('')).pages, []);
    const closed = initialDocScanState();
    assert.equal(run(closed, A.addPage('AAAA'), A.cameraLive(CAMERAS, 'cam-front'), A.cameraFailed('busy'), A.retry(), A.chooseCamera('cam-doc')), closed);
  });

  it('records the live camera and the list to choose from', () => {
    const state = run(opened(), A.cameraLive(CAMERAS, 'cam-front'));
    assert.deepEqual([state.camera, state.cameraId, state.cameras], ['live', 'cam-front', CAMERAS]);
  });

  it('restarts on another camera or a retry, and keeps the pages taken', () => {
    const live = run(opened(), A.cameraLive(CAMERAS, 'cam-front'), A.addPage('AAAA'));
    const switched = run(live, A.chooseCamera('cam-doc'));
    assert.deepEqual([switched.camera, switched.requestedCameraId, switched.pages.length], ['starting', 'cam-doc', 1]);
    assert.equal(run(live, A.chooseCamera('cam-front')), live, 'choosing the camera already streaming changes nothing');
    const failed = run(switched, A.cameraFailed('busy'));
    assert.deepEqual([failed.camera, failed.problem, failed.cameraId], ['failed', 'busy', null]);
    const retried = run(failed, A.retry());
    assert.deepEqual([retried.camera, retried.problem, retried.attempt, retried.pages.length], ['starting', null, 1, 1]);
  });

  it('closes any panel, or only the named field\'s', () => {
    const state = run(opened(), A.addPage('AAAA'));
    assert.equal(run(state, A.close('proofOfAddress')), state, 'another field leaving the screen leaves this panel open');
    assert.deepEqual(run(state, A.close('proofOfIdentity')), initialDocScanState());
    assert.deepEqual(run(state, A.close()), initialDocScanState());
  });

  it('keeps the pages when the open field is opened again, and starts empty for another field', () => {
    const state = run(opened(), A.addPage('AAAA'));
    assert.equal(run(state, A.open('proofOfIdentity')), state);
    assert.deepEqual(run(state, A.open('proofOfAddress')), { ...initialDocScanState(), fieldId: 'proofOfAddress' });
  });
});
