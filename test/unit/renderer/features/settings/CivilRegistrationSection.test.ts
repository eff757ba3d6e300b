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
import { registryProblems } from '../../../../../renderer/features/settings/components/registryProblems';

// As in SettingsView.test.ts: .css is an empty module, views compile to React.createElement.
register(`data:text/javascript,${encodeURIComponent("export async function load(url, context, next) { return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context); }")}`);
Object.assign(globalThis, { React });
type SectionProps = { readonly store: SettingsStore; readonly value: CivilRegistrationSettings; readonly onChange: (next: CivilRegistrationSettings) => void; readonly canEdit: boolean };
const { CivilRegistrationSection, withDelivery } = (await import('../../../../../renderer/features/settings/components/CivilRegistrationSection')) as { CivilRegistrationSection: FunctionComponent<SectionProps>; withDelivery: (v: CivilRegistrationSettings, d: CivilRegistrationSettings['delivery']) => CivilRegistrationSettings };

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
    await store.getState().loadCrvsRegistrySecret();
    return store;
  }
  const render = async (store: SettingsStore, lang: 'eng' | 'por', value: CivilRegistrationSettings = store.getState().saved!.civilRegistration) => {
    store.getInitialState = store.getState; // zustand renders a store's initial state on the server
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

  const registry = { searchUrl: 'https://gateway.opencrvs.st/api/events', tokenUrl: 'https://auth.opencrvs.st/token', clientId: 'mosip-birth-search' };
  const online = (r: CivilRegistrationSettings['registry']): CivilRegistrationSettings => ({ delivery: 'online', appId: 'regproc', clientId: 'opencrvs-partner', source: 'OPENCRVS', registry: r });

  it('shows the civil registry only when delivery is online, and saves it through settings.update', async () => {
    const store = await storeAs('supervisor1', 'Supervisor#2026');
    const offline = await render(store, 'eng', { ...online(registry), delivery: 'offline' });
    assert.equal(offline.includes('id="set-registry-searchUrl"') || offline.includes('set-registry-secret'), false, 'offline: no registry fields');
    await store.getState().save({ ...store.getState().saved!, civilRegistration: online(registry) });
    assert.equal(store.getState().status, 'saved');
    const html = await render(store, 'por');
    assert.match(html, /Endereço de pesquisa de registos/);
    assert.match(html, /id="set-registry-searchUrl"[^>]*value="https:\/\/gateway\.opencrvs\.st\/api\/events"/);
    assert.match(html, /id="set-registry-clientId"[^>]*value="mosip-birth-search"/);
    assert.equal(html.includes('aria-invalid="true"'), false, 'a valid registry names no problem');
  });

  it('refuses a bad registry address at its field, in Portuguese and English; the main process refuses it too', async () => {
    const store = await storeAs('supervisor1', 'Supervisor#2026');
    const bad = online({ ...registry, searchUrl: 'gateway.opencrvs.st/api/events', tokenUrl: 'ftp://auth.opencrvs.st/token' });
    const por = await render(store, 'por', bad);
    assert.match(por, /id="set-registry-searchUrl"[^>]*aria-invalid="true"/);
    assert.match(por, /data-field="searchUrl">Endereço de pesquisa de registos \(API de eventos do OpenCRVS, …\/api\/events\): não é um endereço web completo/);
    assert.match(por, /data-field="tokenUrl">Endereço do token[^<]*: o endereço tem de começar por https:\/\//);
    assert.equal(por.includes('data-field="clientId"'), false, 'the good field is not blamed');
    assert.match(await render(store, 'eng', online({ ...registry, clientId: '' })), /data-field="clientId">Client id of the civil registry&#x27;s system client: fill this in/);
    await store.getState().save({ ...store.getState().saved!, civilRegistration: bad });
    assert.equal(store.getState().error?.code, 'ERR_IPC_INVALID_INPUT');
    assert.match(JSON.stringify(store.getState().error?.details), /civilRegistration\.registry\.searchUrl/);
  });

  it('stores the registry secret write-only: the page learns only that one is set; an officer is refused', async () => {
    const secret = 'registry-secret-never-on-the-page-41';
    const store = await storeAs('supervisor1', 'Supervisor#2026');
    assert.match(await render(store, 'eng', online(registry)), /id="set-registry-secret-state"[^>]*>No secret is stored\./);
    await store.getState().setCrvsRegistrySecret(secret);
    assert.deepEqual([store.getState().crvsRegistrySecretStatus, store.getState().crvsRegistrySecret], ['saved', { configured: true }]);
    await store.getState().loadCrvsRegistrySecret(); // the back end's own answer, not the store's echo
    assert.deepEqual(store.getState().crvsRegistrySecret, { configured: true });
    const html = await render(store, 'por', online(registry));
    assert.match(html, /id="set-registry-secret-state"[^>]*>Há um segredo guardado/);
    assert.equal(html.includes(secret) || JSON.stringify(store.getState()).includes(secret), false, 'the secret is not on the page nor in its store');
    const officer = await storeAs('officer1', 'Officer#2026');
    await officer.getState().setCrvsRegistrySecret('x');
    assert.equal(officer.getState().crvsRegistrySecretStatus, 'failed');
    assert.equal(officer.getState().crvsRegistrySecretError?.code, 'ERR_AUTH_FORBIDDEN');
  });

  it('names each broken rule by field, accepts a local http simulator, and drops only a half-typed registry when going offline', () => {
    assert.deepEqual(registryProblems({ searchUrl: 'http://127.0.0.1:4000/api/events', tokenUrl: 'https://auth.opencrvs.st/token', clientId: '  ' }), { clientId: 'empty' });
    assert.deepEqual(registryProblems({ ...registry, searchUrl: 'no url', clientId: 'c'.repeat(129) }), { searchUrl: 'notUrl', clientId: 'tooLong' });
    assert.deepEqual(registryProblems(null), {});
    assert.equal(withDelivery(online({ ...registry, tokenUrl: '' }), 'offline').registry, null);
    assert.deepEqual(withDelivery(online({ ...registry, tokenUrl: '' }), 'online').registry, { ...registry, tokenUrl: '' }, 'online, a half-typed registry stays to be finished');
    assert.deepEqual(withDelivery(online(registry), 'offline'), { ...online(registry), delivery: 'offline' });
  });
});
