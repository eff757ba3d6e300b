import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../host/contentSecurityPolicy';
import { isExternalLinkAllowed } from '../host/externalLinks';
import { APP_ORIGIN, isNavigationAllowed, secureWebPreferences } from '../host/windowPolicy';
import { isCameraRequestAllowed, isPermissionCheckAllowed } from '../host/mediaPermission';

/**
 * The only window: sandboxed renderer, isolated preload, no Node, strict CSP, no navigation away.
 * DevTools only when the app was started with `--dev`: the page is untrusted (issue 12), and
 * DevTools is where a person at the counter would forge calls from.
 */
export function createSecureWindow(preloadPath: string, options: Readonly<{ devTools: boolean }> = { devTools: false }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    webPreferences: secureWebPreferences(preloadPath, options.devTools),
  });
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Listed help pages open in the system browser, never inside the app; anything else is dropped.
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * CSP on every http(s) response (the app:// protocol's own answers carry it too, see appProtocol:
 * Electron does not run this hook for custom protocols) and no permission prompts, except the camera (video only) for our own
 * origin, which document scanning needs; biometrics still go through SBI devices, never the camera.
 */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? details : null;
    const origin = media?.securityOrigin ?? details.requestingUrl;
    callback(isCameraRequestAllowed({ permission, origin, isMainFrame: details.isMainFrame, mediaTypes: media?.mediaTypes }, APP_ORIGIN));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, _permission, requestingOrigin) => isPermissionCheckAllowed(requestingOrigin, APP_ORIGIN));
}

export function rendererDir(appPath: string): string {
  return join(appPath, 'dist', 'renderer');
}
