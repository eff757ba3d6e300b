import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCameraRequestAllowed, isPermissionCheckAllowed, type MediaPermissionRequest } from '../../../../electron/host/mediaPermission';

const APP = 'app://regclient';
const camera: MediaPermissionRequest = { permission: 'media', origin: 'app://regclient/index.html', isMainFrame: true, mediaTypes: ['video'] };

describe('isCameraRequestAllowed', () => {
  it('grants the camera to the app\'s own main frame', () => {
    assert.equal(isCameraRequestAllowed(camera, APP), true);
    assert.equal(isCameraRequestAllowed({ ...camera, origin: 'app://regclient' }, APP), true);
  });

  it('refuses the microphone, an unspecified media request and other permissions', () => {
    const refused: MediaPermissionRequest[] = [
      { ...camera, mediaTypes: ['audio'] }, { ...camera, mediaTypes: ['video', 'audio'] }, { ...camera, mediaTypes: [] }, { ...camera, mediaTypes: undefined },
      { ...camera, permission: 'display-capture' }, { ...camera, permission: 'notifications' }, { ...camera, permission: 'geolocation' },
    ];
    assert.deepEqual(refused.map((r) => isCameraRequestAllowed(r, APP)), refused.map(() => false));
  });

  it('refuses other origins and sub-frames', () => {
    const refused: MediaPermissionRequest[] = [
      { ...camera, origin: 'app://regclient.evil/index.html' }, { ...camera, origin: 'app://evil/index.html' },
      { ...camera, origin: 'https://regclient/index.html' }, { ...camera, origin: 'http://127.0.0.1:8080/' },
      { ...camera, origin: 'not a url' }, { ...camera, origin: '' }, { ...camera, isMainFrame: false },
    ];
    assert.deepEqual(refused.map((r) => isCameraRequestAllowed(r, APP)), refused.map(() => false));
  });
});

describe('isPermissionCheckAllowed', () => {
  it('passes checks from the app\'s origin only', () => {
    assert.equal(isPermissionCheckAllowed('app://regclient/', APP), true);
    assert.deepEqual(['app://other/', 'app://regclient.evil/', 'https://regclient/', ''].map((o) => isPermissionCheckAllowed(o, APP)), [false, false, false, false]);
  });
});
