import assert from 'node:assert/strict';
import { register } from 'node:module';
import { after, before, describe, it } from 'node:test';
import * as React from 'react';
import { createElement, type FunctionComponent } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createApiClient } from '../../../../../renderer/api/createApiClient';
import { AppStoresProvider, type AppStores } from '../../../../../renderer/AppStores';
import { createApprovalStore } from '../../../../../renderer/features/approval/store/store';
import { createDashboardCardsStore } from '../../../../../renderer/features/home/components/cards/store/store';
import { createHomeStore } from '../../../../../renderer/features/home/store/store';
import { createNavigationStore } from '../../../../../renderer/features/navigation/store/store';
import { createRegistrationStore } from '../../../../../renderer/features/registration/store/store';
import { createSessionStore } from '../../../../../renderer/features/session/store/store';
import { createSyncStore } from '../../../../../renderer/features/sync/store/store';
import { createSettingsStore, type SettingsStore } from '../../../../../renderer/features/settings/store/store';
import { createI18n } from '../../../../../renderer/i18n/createI18n';
import { inMemoryBridge } from '../../../../helpers/inMemoryBridge';
import { openTestServices } from '../../../../helpers/openTestDataDir';
import { makeTempDir } from '../../../../helpers/tempDir';

// As in SettingsView.test.ts: .css becomes an empty module, the view is imported by a computed specifier.
register(`data:text/javascript,${encodeURIComponent("export async function load(url, context, next) { return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context); }")}`);
Object.assign(globalThis, { React });
const viewModule = async <T>(path: string): Promise<T> => (await import(path)) as T;
const { BackupSection } = await viewModule<{ BackupSection: FunctionComponent<{ readonly store: SettingsStore }> }>('../../../../../renderer/features/settings/components/BackupSection');

/** Issue 17 item 6: the Settings screen shows a supervisor the last backup's time and outcome. */
describe('settings screen: backups', () => {
  let opened: Awaited<ReturnType<typeof openTestServices>>;
  const usb = makeTempDir('usb-view-');
  before(async () => {
    opened = await openTestServices();
  });
  after(async () => {
    await opened.close();
    usb.remove();
  });

  async function render(): Promise<string> {
    const api = createApiClient(inMemoryBridge(opened.services));
    await api['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
    const store = createSettingsStore(api);
    await store.getState().loadBackup();
    const stores: AppStores = { session: createSessionStore(api, { load: () => undefined, save: () => undefined }, 'eng'), home: createHomeStore(api), registration: createRegistrationStore(api), approval: createApprovalStore(api), sync: createSyncStore(api), cards: createDashboardCardsStore(api), navigation: createNavigationStore(), settings: store };
    await stores.session.getState().start();
    // zustand's useStore renders a store's *initial* state on the server; show the loaded one.
    for (const s of Object.values(stores)) s.getInitialState = s.getState;
    return renderToString(createElement(I18nextProvider, { i18n: await createI18n('eng') }, createElement(AppStoresProvider, { stores, children: createElement(BackupSection, { store }) })));
  }

  it('says no backup was made yet, then the last one with its folder and packet count, then a failure with its code', async () => {
    assert.match(await render(), /data-testid="backup-last">No backup has been made yet\.<\/p>/);
    await opened.services.backup.configure({ dir: usb.path, cron: '0 0 18 * * ?', passphrase: 'Praia-das-Conchas-2026' }, 'supervisor1');
    const done = await opened.services.backup.runNow('supervisor1');
    assert.equal(done.lastOk, true);
    const html = await render();
    assert.match(html, new RegExp(`Last backup [^<]*: done, in ${done.lastBackupDir!.replaceAll('/', '\\/')}\\. 0 packets in it\\.`));
    assert.equal(html.includes('data-error-code'), false);

    await opened.services.backup.configure({ dir: usb.path, cron: '0 0 18 * * ?' }, 'supervisor1');
    usb.remove();
    await opened.services.backup.runNow('supervisor1');
    assert.match(await render(), /Last backup [^<]*: FAILED\.[\s\S]*data-error-code="ERR_BACKUP_WRITE_FAILED"/);
  });

  it('never shows the passphrase back', async () => {
    const html = await render();
    assert.equal(html.includes('Praia-das-Conchas-2026'), false);
    assert.match(html, /<input id="backup-pass" type="password"/);
  });
});
