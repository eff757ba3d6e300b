import './zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { LanguageCode } from '../schemas/operators';
import type { RegclientBridge } from '../schemas/api/transport';
import { App } from './App';
import { AppStoresProvider, type AppStores } from './AppStores';
import { createApiClient } from './api/createApiClient';
import { createWebSocketBridge } from './api/createWebSocketBridge';
import { createHomeStore } from './features/home/store/store';
import { createRegistrationStore } from './features/registration/store/store';
import { createApprovalStore } from './features/approval';
import { createSyncStore } from './features/sync';
import { createDashboardCardsStore } from './features/home/components/cards';
import { createNavigationStore } from './features/navigation/store/store';
import { createSettingsStore } from './features/settings/store/store';
import { createSessionStore, type LanguageMemory } from './features/session/store/store';
import { applyDocumentLanguage, createI18n, DEFAULT_LANGUAGE } from './i18n/createI18n';
import './styles/app.css';

declare global {
  interface Window {
    regclient?: RegclientBridge;
  }
}

/** Electron's preload provides window.regclient; the browser host is reached over its token socket. */
function connect(): RegclientBridge {
  if (window.regclient) return window.regclient;
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem('regclient.token') ?? '';
  sessionStorage.setItem('regclient.token', token);
  return createWebSocketBridge(`ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`);
}

const languageMemory: LanguageMemory = {
  load() {
    const parsed = LanguageCode.safeParse(localStorage.getItem('regclient.language'));
    return parsed.success ? parsed.data : undefined;
  },
  save: (language) => localStorage.setItem('regclient.language', language),
};

async function boot(): Promise<void> {
  const api = createApiClient(connect());
  const stores: AppStores = {
    session: createSessionStore(api, languageMemory, DEFAULT_LANGUAGE),
    home: createHomeStore(api),
    registration: createRegistrationStore(api),
    approval: createApprovalStore(api),
    sync: createSyncStore(api),
    cards: createDashboardCardsStore(api),
    navigation: createNavigationStore(),
    settings: createSettingsStore(api),
  };
  const i18n = await createI18n(stores.session.getState().language);
  const follow = (language: LanguageCode) => {
    applyDocumentLanguage(document, language);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  };
  follow(stores.session.getState().language);
  stores.session.subscribe((state, previous) => {
    if (state.language !== previous.language) follow(state.language);
    if (state.status !== 'loggedIn' && previous.status === 'loggedIn') {
      stores.home.getState().reset();
      stores.registration.getState().reset();
      stores.approval.getState().reset();
      stores.sync.getState().reset();
      stores.cards.getState().reset();
      stores.navigation.getState().reset();
      stores.settings.getState().reset();
    }
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppStoresProvider stores={stores}>
          <App />
        </AppStoresProvider>
      </I18nextProvider>
    </StrictMode>,
  );
  await stores.session.getState().start();
}

void boot();
