import assert from 'node:assert/strict';
import { createSettingsStore } from '../../../../../renderer/features/settings/store/store';
import { createNavigationStore } from '../../../../../renderer/features/navigation/store/store';
import { register } from 'node:module';
import { after, before, describe, it } from 'node:test';
import * as React from 'react';
import { createElement, type FunctionComponent, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { findOutbox, patchOutbox } from '../../../../../electron/services/db/repos/outbox';
import { AppStoresProvider, type AppStores } from '../../../../../renderer/AppStores';
import { createApprovalStore, type ApprovalStore } from '../../../../../renderer/features/approval/store/store';
import { createDashboardCardsStore, type DashboardCardsStore } from '../../../../../renderer/features/home/components/cards/store/store';
import { createHomeStore } from '../../../../../renderer/features/home/store/store';
import { createSyncStore, type SyncStore } from '../../../../../renderer/features/sync/store/store';
import { createRegistrationStore } from '../../../../../renderer/features/registration/store/store';
import { createSessionStore } from '../../../../../renderer/features/session/store/store';
import { createI18n } from '../../../../../renderer/i18n/createI18n';
import { openSyncFixture, type SyncFixture } from './openSyncFixture';

// The views import their CSS (esbuild bundles it); Node has no loader for .css, so it becomes an empty module.
register(`data:text/javascript,${encodeURIComponent("export async function load(url, context, next) { return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context); }")}`);
// tsx applies tsconfig.json (react-jsx) only to the files it includes, and renderer/ is not among
// them, so the views compile to classic React.createElement calls that expect a global React.
Object.assign(globalThis, { React });
// The views are imported by a computed specifier so that tsconfig.json (Node, no DOM library) does
// not typecheck them; renderer/tsconfig.json does. Their props are typed here instead.
const viewModule = async <T>(path: string): Promise<T> => (await import(path)) as T;
const { ApprovalView } = await viewModule<{ ApprovalView: FunctionComponent<{ readonly store: ApprovalStore }> }>('../../../../../renderer/features/approval');
const { SyncView } = await viewModule<{ SyncView: FunctionComponent<{ readonly store: SyncStore }> }>('../../../../../renderer/features/sync');
const { DashboardCards } = await viewModule<{ DashboardCards: FunctionComponent<{ readonly store: DashboardCardsStore; readonly onNavigate: (view: string) => void; readonly isSupervisor: boolean; readonly isOfficer: boolean }> }>(
  '../../../../../renderer/features/home/components/cards',
);

// Server rendering runs every component's render with real store data (not effects): it proves the
// views render, read the right selectors and produce accessible markup, without a browser.
describe('approval, sync and dashboard views (rendered with real data)', () => {
  let fixture: SyncFixture;
  let stores: AppStores;
  let i18nEng: i18n;
  let pending: string, approved: string, parked: string;

  const render = (i18n: i18n, view: ReactElement, app: AppStores = stores) => {
    // zustand's useStore renders a store's *initial* state on the server; show the loaded one.
    for (const store of [...Object.values(app), ...rendered]) store.getInitialState = store.getState;
    return renderToString(createElement(I18nextProvider, { i18n }, createElement(AppStoresProvider, { stores: app, children: view })));
  };
  const rendered: { getInitialState: () => unknown; getState: () => unknown }[] = [];
  const track = <S extends { getInitialState: () => unknown; getState: () => unknown }>(store: S): S => {
    rendered.push(store);
    return store;
  };

  before(async () => {
    fixture = await openSyncFixture();
    [pending, approved, parked] = [await fixture.buildPacket('a'), await fixture.buildPacket('b'), await fixture.buildPacket('c')];
    await fixture.supervisor['packets.approve']({ ids: [approved, parked], password: 'Supervisor#2026' });
    const item = findOutbox(fixture.services.data.db, parked)!;
    patchOutbox(fixture.services.data.db, item.packetId, 'READY', { state: 'PARKED', lastErrorCode: 'ERR_SYNC_PACKET_FILE_MISSING', lastErrorDetails: { rid: parked } }, fixture.clock.now());
    const api = fixture.supervisor;
    stores = { session: createSessionStore(api, { load: () => undefined, save: () => undefined }, 'eng'), home: createHomeStore(api), registration: createRegistrationStore(api), approval: createApprovalStore(api), sync: createSyncStore(api), cards: createDashboardCardsStore(api), navigation: createNavigationStore(), settings: createSettingsStore(api) };
    await stores.session.getState().start();
    assert.equal(stores.session.getState().status, 'loggedIn', JSON.stringify(stores.session.getState().error));
    i18nEng = await createI18n('eng');
  });
  after(() => fixture.close());

  it('renders the approval queue with labelled controls and column headers', async () => {
    const store = track(createApprovalStore(fixture.supervisor));
    await store.getState().refresh();
    const html = render(i18nEng, createElement(ApprovalView, { store }));
    assert.match(html, /<h1 id="approval-heading" tabindex="-1">Approve registrations<\/h1>/);
    assert.match(html, new RegExp(`aria-label="Select registration ${pending}"`));
    assert.equal((html.match(/<th scope="col"/g) ?? []).length, 8);
    // the resident column (a CLI-built packet has no summary: no name, no photo) and the search box
    assert.match(html, /<th scope="col">Resident<\/th>/);
    assert.match(html, new RegExp(`aria-label="No photo"></span><span data-testid="resident-${pending}"><span class="muted">\\(no name\\)</span>`));
    assert.match(html, /Search by name or RID<input type="search"/);
    assert.match(html, new RegExp(`<th scope="row" class="mono">${pending}</th>`));
    assert.equal(html.includes(approved), false, 'a decided packet is not in the queue');
    assert.match(html, /aria-label="Select all shown registrations"/);
  });

  it('renders the decision dialog in Portuguese with the reasons and the password field', async () => {
    const store = track(createApprovalStore(fixture.supervisor));
    await store.getState().refresh();
    await store.getState().loadReasons('por');
    store.getState().startDecision('reject', [store.getState().items[0]!.packetId]);
    const html = render(await createI18n('por'), createElement(ApprovalView, { store }));
    assert.match(html, /<h2 id="[^"]+">Rejeitar 1 registo<\/h2>/);
    assert.match(html, /<option value="DMD">Documentos ilegíveis<\/option>/);
    assert.match(html, /A sua palavra-passe \(para confirmar\)<input type="password"/);
  });

  it('renders the sync screen: readable states, the parked error with what to do, the schedule for a supervisor', async () => {
    const store = track(createSyncStore(fixture.supervisor));
    await store.getState().refresh();
    const html = render(i18nEng, createElement(SyncView, { store }));
    assert.match(html, new RegExp(`<th scope="row" class="mono">${approved}</th>.*?Ready to send`));
    assert.match(html, /data-error-code="ERR_SYNC_PACKET_FILE_MISSING"/);
    assert.match(html, new RegExp(`aria-label="Send again: registration ${parked}"`));
    assert.match(html, /aria-label="Minutes between runs of “Send registrations”"|Minutes between runs of “Send registrations”/);
    assert.match(html, /Sync now/);
    assert.match(html, /<label for="sync-export-dir">Folder \(for example a USB stick\)<\/label>/);
    // nothing processed yet: the line is there with its numbers (sync.retentionSpace, counted in SQL)
    assert.match(html, /data-testid="retention-space">Retention frees 0 byte at its next run \(0 processed packet files older than 1 days\) and 0 byte later \(0 newer files\)/);
  });

  it('renders the sync screen for an officer with sync now but without the export (supervisors only)', async () => {
    const api = fixture.officer;
    const officerStores: AppStores = { ...stores, session: createSessionStore(api, { load: () => undefined, save: () => undefined }, 'eng'), sync: createSyncStore(api) };
    await officerStores.session.getState().start();
    assert.deepEqual(officerStores.session.getState().session?.roles, ['REGISTRATION_OFFICER']);
    const store = track(officerStores.sync);
    await store.getState().refresh();
    const html = render(i18nEng, createElement(SyncView, { store }), officerStores);
    assert.match(html, /Sync now/);
    assert.equal(html.includes('sync-export-dir'), false, 'no export form for an officer');
    assert.equal(html.includes('Send again: registration'), false, 'no requeue for an officer');
  });

  it('shows a cron schedule to the supervisor in plain words, in Portuguese; switched off through the API it stays a cron', async () => {
    const porStores: AppStores = { ...stores, session: createSessionStore(fixture.supervisor, { load: () => undefined, save: () => undefined }, 'por'), sync: createSyncStore(fixture.supervisor) };
    await porStores.session.getState().start();
    const store = track(porStores.sync);
    await store.getState().setSchedule({ job: 'downSync', enabled: true, everyMinutes: 360, cron: '0 0 11 ? * 2-6' });
    await store.getState().refresh();
    const html = render(await createI18n('por'), createElement(SyncView, { store }), porStores);
    assert.match(html, /<p class="sync__cron">Às 11:00, de segunda-feira a sexta-feira<\/p>/);
    assert.match(html, /A retenção liberta 0 byte na próxima execução \(0 ficheiros de pacotes processados com mais de 1 dias\)/);
    await store.getState().setSchedule({ job: 'downSync', enabled: false, everyMinutes: 360, cron: '0 0 11 ? * 2-6' });
    assert.equal(store.getState().syncStatus?.jobs.find((j) => j.job === 'downSync')?.cron, '0 0 11 ? * 2-6');
  });

  it('renders the dashboard cards with the live counts', async () => {
    const store = track(createDashboardCardsStore(fixture.supervisor, () => fixture.clock.now()));
    await store.getState().load();
    const html = render(i18nEng, createElement(DashboardCards, { store, onNavigate: () => undefined, isSupervisor: true, isOfficer: false }));
    assert.match(html, /Registrations today<\/h2><p class="dashboard-card__figure"><span class="dashboard-card__number">3<\/span>/);
    assert.match(html, /Waiting for approval<\/h2><p class="dashboard-card__figure"><span class="dashboard-card__number">1<\/span>/);
    assert.match(html, /1 stopped: needs a person/);
    assert.equal(html.includes('Biometric devices'), false, 'no device card for a supervisor who does not register');
  });
});
