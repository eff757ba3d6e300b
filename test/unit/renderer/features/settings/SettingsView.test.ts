import assert from 'node:assert/strict';
import { register } from 'node:module';
import { after, before, describe, it } from 'node:test';
import * as React from 'react';
import { createElement, type FunctionComponent } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../../../../schemas/settings';
import { setMeta } from '../../../../../electron/services/db/repos/meta';
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

// As in test/unit/renderer/features/sync/views.test.ts: .css becomes an empty module, the views
// compile to classic React.createElement, and they are imported by a computed specifier.
register(`data:text/javascript,${encodeURIComponent("export async function load(url, context, next) { return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context); }")}`);
Object.assign(globalThis, { React });
const viewModule = async <T>(path: string): Promise<T> => (await import(path)) as T;
const { SettingsView } = await viewModule<{ SettingsView: FunctionComponent<{ readonly store: SettingsStore; readonly canEdit: boolean }> }>('../../../../../renderer/features/settings/components/SettingsView');

describe('settings screen: a stored server address the https rule refuses', () => {
  let opened: Awaited<ReturnType<typeof openTestServices>>;
  before(async () => {
    opened = await openTestServices();
  });
  after(() => opened.close());

  const renderWith = async (serverUrl: string | null): Promise<string> => {
    // written as an older version stored it (settings.update refuses it now)
    setMeta(opened.services.data.db, 'app.settings', JSON.stringify({ ...DEFAULT_SETTINGS, serverUrl }));
    const api = createApiClient(inMemoryBridge(opened.services));
    await api['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
    const store = createSettingsStore(api);
    await store.getState().load();
    const stores: AppStores = { session: createSessionStore(api, { load: () => undefined, save: () => undefined }, 'eng'), home: createHomeStore(api), registration: createRegistrationStore(api), approval: createApprovalStore(api), sync: createSyncStore(api), cards: createDashboardCardsStore(api), navigation: createNavigationStore(), settings: store };
    await stores.session.getState().start();
    // zustand's useStore renders a store's *initial* state on the server; show the loaded one.
    for (const s of Object.values(stores)) s.getInitialState = s.getState;
    return renderToString(createElement(I18nextProvider, { i18n: await createI18n('eng') }, createElement(AppStoresProvider, { stores, children: createElement(SettingsView, { store, canEdit: true }) })));
  };

  it('shows the refusal, translated, next to the server field it describes', async () => {
    const html = await renderWith('http://mosip.example.st');
    assert.match(html, /<input id="set-server" type="url" dir="ltr" aria-describedby="set-server-hint set-server-refused" value="http:\/\/mosip\.example\.st"\/>/);
    assert.match(html, /<div class="message message--error" role="alert" id="set-server-refused" data-error-code="ERR_SYNC_SERVER_URL_INSECURE">The server address http:\/\/mosip\.example\.st is refused: it must start with https:\/\//);
  });

  it('shows nothing for an https address, a loopback one or none', async () => {
    for (const url of ['https://mosip.example.st', 'http://127.0.0.1:8080', null]) {
      const html = await renderWith(url);
      assert.match(html, /id="set-server"/, 'the form is rendered');
      assert.equal(html.includes('ERR_SYNC_SERVER_URL_INSECURE'), false, String(url));
      assert.match(html, /aria-describedby="set-server-hint"/);
    }
  });

  it("shows the free-space floor with its value and what it does", async () => {
    const html = await renderWith(null);
    assert.match(html, /<label for="set-min-free">Free disk space to keep \(MB\)<\/label><input id="set-min-free" type="number" min="20" aria-describedby="set-min-free-hint" value="500"\/>/);
    assert.match(html, /<p id="set-min-free-hint" class="muted">Below this much free space/);
  });
});
