import { StrictMode, useState } from 'react';
import { createSettingsStore } from '../../../renderer/features/settings/store';
import { createNavigationStore } from '../../../renderer/features/navigation/store';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { ApiClient } from '../../../renderer/api/createApiClient';
import { StoresContext, type AppStores } from '../../../renderer/AppStores';
import { ApprovalView, createApprovalStore } from '../../../renderer/features/approval';
import { createDashboardCardsStore, DashboardCards, type DashboardView } from '../../../renderer/features/home/components/cards';
import { createHomeStore } from '../../../renderer/features/home/store/store';
import { createRegistrationStore } from '../../../renderer/features/registration/store/store';
import { createSessionStore } from '../../../renderer/features/session/store/store';
import { createSyncStore, SyncView } from '../../../renderer/features/sync';
import { applyDocumentLanguage, createI18n } from '../../../renderer/i18n/createI18n';
import type { MethodInput, MethodName, MethodOutput } from '../../../schemas/api/contract';
import { AppError } from '../../../schemas/errors';
import type { LanguageCode, SessionInfo } from '../../../schemas/operators';
import type { OutboxItem } from '../../../schemas/outbox';
import { outboxItem } from '../../unit/renderer/features/sync/itemBuilder';
import { harnessSummary } from './summaryFixture';
import '../../../renderer/styles/app.css';

/**
 * The approval, sync and dashboard views in a browser against a small contract-shaped fake back
 * end (the store tests run the real one), so keyboard use, focus, axe and layout can be checked.
 * `?view=approval|sync|home&lang=eng|por|fra|ara`.
 */
const PASSWORD = 'Supervisor#2026';
const NOW = Date.UTC(2026, 10, 22, 10, 0);
let items: OutboxItem[] = [1, 2, 3].map((n) => outboxItem({ packetId: `1000110002000012026112210000${n}-10001_10002`, rid: `1000110002000012026112210000${n}`, createdAt: NOW - n * 60_000, size: 58_000 + n * 1000 }));
items.push(outboxItem({ packetId: 'parked-1', rid: '10001100020000120261122090004', state: 'PARKED', supervisorStatus: 'APPROVED', lastErrorCode: 'ERR_SYNC_PACKET_FILE_MISSING', lastErrorDetails: { rid: '10001100020000120261122090004' } }));
items.push(outboxItem({ packetId: 'ready-1', rid: '10001100020000120261122090005', state: 'UPLOADING', supervisorStatus: 'APPROVED' }));

const session: SessionInfo = { userId: 'supervisor1', name: 'Supervisor One', roles: ['REGISTRATION_SUPERVISOR', 'REGISTRATION_OFFICER'], language: 'eng', loggedInAt: NOW, idleWarningSeconds: 600, idleLogoutSeconds: 900 };
const jobs = [
  { job: 'outbox' as const, enabled: true, everyMinutes: 15, lastRunAt: NOW - 600_000, lastOk: true, lastErrorCode: null, nextRunAt: NOW + 300_000, running: false },
  { job: 'downSync' as const, enabled: true, everyMinutes: 360, lastRunAt: null, lastOk: null, lastErrorCode: null, nextRunAt: null, running: false },
];

function decide(state: OutboxItem['state'], status: OutboxItem['supervisorStatus']) {
  return async ({ ids, password, reasonCode }: MethodInput<'packets.approve'>) => {
    if (password !== PASSWORD) throw new AppError('ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 4 });
    const decided = items.filter((i) => ids.includes(i.packetId)).map((i) => ({ ...i, state, supervisorStatus: status, reasonCode: reasonCode ?? null, decidedBy: 'supervisor1', decidedAt: NOW }));
    items = items.map((i) => decided.find((d) => d.packetId === i.packetId) ?? i);
    return decided;
  };
}

const handlers: { [M in MethodName]?: (input: MethodInput<M>) => Promise<MethodOutput<M>> } = {
  'app.info': async () => ({ version: 'harness', host: 'browser', isDemo: true, centreId: '10001', machineId: '10002', keyIndex: 'AB:CD' }),
  'auth.session': async () => session,
  'packets.list': async (filter) => items.filter((i) => (!filter.state || i.state === filter.state) && (filter.from === undefined || i.createdAt >= filter.from)),
  'packets.reasons': async () => [
    { code: 'APM', name: 'Photo does not match', category: 'CLR', langCode: 'eng' },
    { code: 'DMD', name: 'Documents unreadable', category: 'CLR', langCode: 'eng' },
  ],
  // the third packet was built by the CLI: no summary, as the back end answers
  'packets.summary': async ({ rid }) => {
    const item = items.find((i) => i.rid === rid);
    if (!item) throw new AppError('ERR_SYNC_PACKET_NOT_FOUND', { id: rid });
    if (rid.endsWith('3')) throw new AppError('ERR_SYNC_PACKET_SUMMARY_MISSING', { rid });
    return harnessSummary(rid, item.createdAt);
  },
  'packets.approve': decide('READY', 'APPROVED'),
  'packets.reject': decide('READY', 'REJECTED'),
  'packets.hold': decide('ON_HOLD', 'ON_HOLD'),
  'outbox.list': async () => ({ inFlight: items.filter((i) => ['READY', 'SYNCED', 'UPLOADING', 'UPLOADED', 'EXPORTED'].includes(i.state)), parked: items.filter((i) => i.state === 'PARKED') }),
  'sync.status': async () => ({
    jobs,
    limits: [
      { limit: 'pendingApprovals', value: 92, threshold: 100, state: 'near', code: 'ERR_SYNC_LIMIT_PENDING_APPROVALS', details: { count: 92, max: 100 } },
      { limit: 'freeDiskMb', value: 80_000, threshold: 5, state: 'ok', code: 'ERR_SYNC_LIMIT_DISK_SPACE', details: { freeMb: 80_000, minMb: 5 } },
    ],
    parked: items.filter((i) => i.state === 'PARKED').length,
    nextAttemptAt: null,
  }),
  'home.summary': async () => ({ machine: { centreId: '10001', machineId: '10002', keyIndex: 'AB:CD', publicKey: '', createdAt: NOW }, disk: { dataDir: '/data', freeBytes: 80e9, totalBytes: 120e9 }, auditEntriesToday: 12, lastLoginAt: NOW, lastSyncAt: NOW - 3_600_000 }),
  'devices.discover': async () => ({ devices: [], rejected: [], scannedPorts: 100, elapsedMs: 40 }),
};

const api = new Proxy({} as ApiClient, {
  get(_target, name: string) {
    if (name === 'on') return () => () => undefined;
    const handler = handlers[name as MethodName] as ((input: unknown) => Promise<unknown>) | undefined;
    return async (input: unknown) => {
      if (!handler) throw new Error(`harness: ${name} is not faked`);
      return handler(input);
    };
  },
});

function Harness({ stores }: { readonly stores: { approval: ReturnType<typeof createApprovalStore>; sync: ReturnType<typeof createSyncStore>; cards: ReturnType<typeof createDashboardCardsStore> } }) {
  const [view, setView] = useState<DashboardView | 'home'>((new URLSearchParams(window.location.search).get('view') ?? 'home') as DashboardView);
  if (view === 'approval') return <ApprovalView store={stores.approval} />;
  if (view === 'sync') return <SyncView store={stores.sync} />;
  return (
    <main id="main">
      <h1>Home</h1>
      <DashboardCards store={stores.cards} onNavigate={setView} isSupervisor isOfficer />
    </main>
  );
}

async function boot(): Promise<void> {
  const language = (new URLSearchParams(window.location.search).get('lang') ?? 'eng') as LanguageCode;
  const stores: AppStores = { session: createSessionStore(api, { load: () => language, save: () => undefined }, language), home: createHomeStore(api), registration: createRegistrationStore(api), approval: createApprovalStore(api), sync: createSyncStore(api), cards: createDashboardCardsStore(api), navigation: createNavigationStore(), settings: createSettingsStore(api) };
  await stores.session.getState().start();
  stores.session.setState({ language });
  const i18n = await createI18n(language);
  applyDocumentLanguage(document, language);
  const mine = { approval: createApprovalStore(api), sync: createSyncStore(api), cards: createDashboardCardsStore(api, () => NOW) };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoresContext.Provider value={stores}>
          <Harness stores={mine} />
        </StoresContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
