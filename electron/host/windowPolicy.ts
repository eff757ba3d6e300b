/**
 * What the desktop window allows, kept out of electron/shell so Node tests can hold it to the
 * Electron security checklist (Electron itself cannot run on CI). The shell applies it as is.
 */
export const APP_ORIGIN = 'app://regclient';

/** BrowserWindow webPreferences: sandboxed renderer, isolated preload, no Node, no webview. */
export function secureWebPreferences(preloadPath: string, devTools: boolean) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    devTools,
  } as const;
}

/** The page may only navigate within the app's own origin. */
export function isNavigationAllowed(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** IPC is answered only for the app's own top-level frame, loaded from app:// (VS Code does the same). */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isNavigationAllowed(frameUrl);
}
