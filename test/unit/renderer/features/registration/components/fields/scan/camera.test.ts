import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cameraProblem, CameraUnsupportedError, fitWithin, openCamera, videoConstraints, videoInputs, type CameraDevices } from '../../../../../../../../renderer/features/registration/components/fields/scan/camera';

/** A DOMException-shaped failure, as getUserMedia rejects with. */
const failure = (name: string) => Object.assign(new Error(`${name}: from the fake`), { name });

/** Just enough of a MediaStream: one video track that records being stopped. */
function fakeStream(deviceId: string) {
  const stopped: string[] = [];
  const track = { getSettings: () => ({ deviceId }), stop: () => stopped.push(deviceId) };
  const stream = { getVideoTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
  return { stream, stopped };
}

describe('cameraProblem', () => {
  it('tells a refusal, a missing camera and a busy camera apart', () => {
    const cases = [
      ['NotAllowedError', 'denied'], ['PermissionDeniedError', 'denied'], ['SecurityError', 'denied'],
      ['NotFoundError', 'noCamera'], ['DevicesNotFoundError', 'noCamera'], ['OverconstrainedError', 'noCamera'],
      ['NotReadableError', 'busy'], ['TrackStartError', 'busy'], ['AbortError', 'busy'],
      ['CameraUnsupportedError', 'unsupported'], ['TypeError', 'failed'],
    ] as const;
    assert.deepEqual(cases.map(([name]) => [name, cameraProblem(failure(name))]), cases.map(([name, problem]) => [name, problem]));
    assert.equal(cameraProblem('boom'), 'failed');
    assert.equal(cameraProblem(null), 'failed');
  });
});

describe('videoConstraints', () => {
  it('prefers the environment-facing camera, or asks for the chosen one exactly', () => {
    assert.deepEqual(videoConstraints(null), { width: { ideal: 1920 }, height: { ideal: 1080 }, facingMode: { ideal: 'environment' } });
    assert.deepEqual(videoConstraints('cam-doc'), { width: { ideal: 1920 }, height: { ideal: 1080 }, deviceId: { exact: 'cam-doc' } });
  });
});

describe('videoInputs', () => {
  it('keeps only cameras with an id', () => {
    const devices = [
      { kind: 'audioinput', deviceId: 'mic', label: 'Microphone' }, { kind: 'videoinput', deviceId: 'cam-1', label: 'Integrated Camera' },
      { kind: 'videoinput', deviceId: '', label: '' }, { kind: 'videoinput', deviceId: 'cam-2', label: '' },
    ] as const;
    assert.deepEqual(videoInputs(devices), [{ deviceId: 'cam-1', label: 'Integrated Camera' }, { deviceId: 'cam-2', label: '' }]);
  });
});

describe('fitWithin', () => {
  it('scales down to the longest side and never up', () => {
    assert.deepEqual(fitWithin(4000, 3000, 2000), { width: 2000, height: 1500 });
    assert.deepEqual(fitWithin(1080, 1920, 2000), { width: 1080, height: 1920 });
    assert.deepEqual(fitWithin(3000, 1, 2000), { width: 2000, height: 1 });
  });
});

describe('openCamera', () => {
  it('asks for video only, then lists the cameras and names the one streaming', async () => {
    const asked: MediaStreamConstraints[] = [];
    const { stream } = fakeStream('cam-2');
    const devices: CameraDevices = {
      getUserMedia: async (constraints) => {
        asked.push(constraints ?? {});
        return stream;
      },
      enumerateDevices: async () => [{ kind: 'videoinput', deviceId: 'cam-1', label: 'A', groupId: '', toJSON: () => ({}) }, { kind: 'videoinput', deviceId: 'cam-2', label: 'B', groupId: '', toJSON: () => ({}) }],
    };
    const opened = await openCamera(devices, 'cam-2');
    assert.deepEqual(asked, [{ video: videoConstraints('cam-2'), audio: false }]);
    assert.deepEqual([opened.cameras.map((c) => c.deviceId), opened.cameraId], [['cam-1', 'cam-2'], 'cam-2']);
  });

  it('stops the stream when the cameras cannot be listed', async () => {
    const { stream, stopped } = fakeStream('cam-1');
    const devices: CameraDevices = { getUserMedia: async () => stream, enumerateDevices: async () => { throw failure('NotAllowedError'); } };
    await assert.rejects(openCamera(devices, null), { name: 'NotAllowedError' });
    assert.deepEqual(stopped, ['cam-1']);
  });

  it('passes the browser\'s refusal on, and says when there is no camera API', async () => {
    const devices: CameraDevices = { getUserMedia: async () => { throw failure('NotReadableError'); }, enumerateDevices: async () => [] };
    await assert.rejects(openCamera(devices, null), { name: 'NotReadableError' });
    await assert.rejects(openCamera(undefined, null), CameraUnsupportedError);
  });
});
