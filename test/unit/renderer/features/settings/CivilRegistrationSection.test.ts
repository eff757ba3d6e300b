import assert from 'node:assert/strict';
import { register } from 'node:module';
import { after, before, describe, it } from 'node:test';
import * as React from 'react';
import { createElement, type FunctionComponent } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createApiClient } from '../../../../../renderer/api/createApiClient';
import { createSettingsStore, type SettingsStore } from '../../../../../renderer/features/settings/store/store';
import { createI18n } from '../../../../../renderer/i18n/createI18n';
import { inMemoryBridge } from '../../../../helpers/inMemoryBridge';
import { openTestServices } from '../../../../helpers/openTestDataDir';
import type { CivilRegistrationSettings } from '../../../../../schemas/settings';

// As in SettingsView.test.ts: .css is an empty module, views compile to React.createElement.
register(`data:text/javascript,${encodeURIComponent("export async function load(url, context, next) { return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context); }")}`);
Object.assign(globalThis, { React });
type SectionProps = { readonly store: SettingsStore; readonly value: CivilRegistrationSettings; readonly onChange: (next: CivilRegistrationSettings) => void; readonly canEdit: boolean };
const { CivilRegistrationSection } = (await import('../../../../../renderer/features/settings/components/CivilRegistrationSection')) as { CivilRegistrationSection: FunctionComponent<SectionProps> };

/** Settings › civil registration: the path and the client are saved with the form; the secret is write-only. */
describe('settings screen: civil-registration delivery', () => {
  let opened: Awaited<ReturnType<typeof openTestServices>>;
  before(async () => {
    opened = await openTestServices();
  });
  after(() => opened.close());

  async function storeAs(userId: string, password: string): Promise<SettingsStore> {
    const api = createApiClient(inMemoryBridge(opened.services));
    await api['auth.login']({ userId, password });
    const store = createSettingsStore(api);
    await store.getState().load();
    await store.getState().loadCrvsSecret();
    return store;
  }
  const render = async (store: SettingsStore, lang: 'eng' | 'por') => {
    store.getInitialState = store.getState; // zustand renders a store's initial state on the server
    const value = store.getState().saved!.civilRegistration;
    return renderToString(createElement(I18nextProvider, { i18n: await createI18n(lang) }, createElement(CivilRegistrationSection, { store, value, onChange: () => undefined, canEdit: true })));
  };

  it('saves online delivery and stores the secret; the page learns only that one is set', async () => {
    const secret = 'crvs-secret-never-on-the-page-77';
    const store = await storeAs('supervisor1', 'Supervisor#2026');
    assert.match(await render(store, 'eng'), /No secret is stored\./);
    await store.getState().save({ ...store.getState().saved!, civilRegistration: { delivery: 'online', appId: 'regproc', clientId: 'opencrvs-partner', source: 'OPENCRVS', registry: null } });
    await store.getState().setCrvsSecret(secret);
    assert.deepEqual([store.getState().status, store.getState().crvsSecretStatus, store.getState().crvsSecret], ['saved', 'saved', { configured: true }]);
    const html = await render(store, 'por');
    assert.match(html, /<option value="online" selected="">Em linha: createPacket/);
    assert.match(html, /Há um segredo guardado/);
    assert.match(html, /value="opencrvs-partner"/);
    assert.equal(html.includes(secret) || JSON.stringify(store.getState()).includes(secret), false, 'the secret is not on the page nor in its store');
  });

  it('refuses the secret from an officer, with the error on the page', async () => {
    const store = await storeAs('officer1', 'Officer#2026');
    await store.getState().setCrvsSecret('x');
    assert.equal(store.getState().crvsSecretStatus, 'failed');
    assert.match(await render(store, 'eng'), /role="alert"/);
  });
});
