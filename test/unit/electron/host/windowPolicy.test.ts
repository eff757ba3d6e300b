import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNavigationAllowed, isTrustedSender, secureWebPreferences } from '../../../../electron/host/windowPolicy';

/** The desktop window against the Electron security checklist (items 2–4, 6, 8–12, 13, 17). */
describe('desktop window policy', () => {
  it('runs the page sandboxed and isolated, without Node, webview or DevTools unless asked', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    assert.equal(prefs.preload, '/app/preload.cjs');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.webSecurity, true);
    for (const off of ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'webviewTag', 'devTools'] as const) {
      assert.equal(prefs[off], false, off);
    }
    assert.equal(secureWebPreferences('/p', true).devTools, true, '--dev turns DevTools on');
  });

  it('navigates only within app://regclient/', () => {
    assert.equal(isNavigationAllowed('app://regclient/index.html'), true);
    for (const url of ['https://evil.example/', 'app://regclient.evil/index.html', 'file:///etc/passwd', 'app://other/index.html']) assert.equal(isNavigationAllowed(url), false, url);
  });

  it('answers IPC only from the app\'s own top-level frame', () => {
    assert.equal(isTrustedSender('app://regclient/index.html', true), true);
    assert.equal(isTrustedSender('app://regclient/index.html', false), false, 'a subframe');
    assert.equal(isTrustedSender('https://evil.example/', true), false);
    assert.equal(isTrustedSender(undefined, true), false);
  });
});
