import { app, BrowserWindow, dialog, Menu, net, protocol } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isAppError } from '../../schemas/errors';
import { serveAppRequest } from '../host/appProtocol';
import { createAppServices } from '../host/createAppServices';
import { DATA_DIR_ENV, resolveDataDir } from '../host/defaultDataDir';
import { demoMode } from '../host/demoMode';
import { openDataDir } from '../host/openDataDir';
import { startRefusalText, startServerUrl } from '../host/serverAddress';
import { DEMO_IDENTITY } from '../services/demo/seedDemo';
import { createSafeStorageWrapper } from './safeStorageWrapper';
import { createSecureWindow, hardenSession, rendererDir } from './secureWindow';
import { connectionIdOf, connectWindow, wireIpc } from './wireIpc';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Serves dist/renderer under app://regclient/ with the UI's security headers (see appProtocol). */
function registerAppProtocol(root: string): void {
  protocol.handle('app', (request) => serveAppRequest(request.url, root, (fileUrl) => net.fetch(fileUrl)));
}

/** A start the host refused (flags, environment): said on stderr and in a dialog, then exit 1. */
function refuseStart(text: string): void {
  process.stderr.write(`${text}\n`);
  dialog.showErrorBox('regclient', text);
  app.exit(1);
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const { values } = parseArgs({ args: process.argv.slice(2), options: { 'data-dir': { type: 'string' }, demo: { type: 'boolean', default: false }, server: { type: 'string' }, dev: { type: 'boolean', default: false } }, strict: false });
  const isDev = values.dev === true;
  const dataDirFlag = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  let serverUrl: string | undefined;
  let demo: boolean;
  try {
    serverUrl = startServerUrl(typeof values.server === 'string' ? values.server : undefined, process.env);
    demo = demoMode({ demoFlag: values.demo === true, isPackaged: app.isPackaged, dataDirGiven: Boolean(dataDirFlag || process.env[DATA_DIR_ENV]), impliedWithoutDataDir: false });
  } catch (err) {
    if (!isAppError(err)) throw err;
    refuseStart(startRefusalText(err));
    return;
  }
  await app.whenReady();
  // no default menu: its View entries open DevTools and reload the page, around the window's settings
  if (!isDev) Menu.setApplicationMenu(null);
  hardenSession();
  registerAppProtocol(rendererDir(app.getAppPath()));
  const data = openDataDir({
    dataDir: resolveDataDir(dataDirFlag, process.env),
    env: process.env,
    wrapper: createSafeStorageWrapper(),
    ...(demo ? { firstRunIdentity: DEMO_IDENTITY } : {}),
  });
  const services = await createAppServices(data, {
    host: 'electron',
    isDemo: demo,
    version: app.getVersion(),
    packetWorkerEntry: pathToFileURL(join(__dirname, 'packetBuildWorker.cjs')),
    backupWorkerEntry: pathToFileURL(join(__dirname, 'snapshotWorker.cjs')),
    watchUsb: true,
    startScheduler: true,
    ...(serverUrl ? { serverUrl } : {}),
    // the OS folder picker for exports (a USB stick, a second disk), over the app's window
    pickFolder: async () => {
      const options = { title: 'Export', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      const owner = BrowserWindow.getFocusedWindow();
      const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? undefined : picked.filePaths[0];
    },
  });
  const unwire = wireIpc(services);
  const win = createSecureWindow(join(__dirname, 'preload.cjs'), { devTools: isDev });
  const connection = connectWindow(services, win.webContents);
  const windowId = connectionIdOf(win.webContents);
  win.webContents.on('destroyed', () => {
    connection.dispose();
    services.disconnect(windowId);
  });
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', async () => {
    unwire();
    await services.dispose();
    app.quit();
  });
}

void main();
