import { StrictMode } from 'react';
import { createSettingsStore } from '../../../renderer/features/settings/store';
import { createApprovalStore } from '../../../renderer/features/approval';
import { createSyncStore } from '../../../renderer/features/sync';
import { createDashboardCardsStore } from '../../../renderer/features/home/components/cards';
import { createNavigationStore } from '../../../renderer/features/navigation/store';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { ApiClient } from '../../../renderer/api/createApiClient';
import { StoresContext, type AppStores } from '../../../renderer/AppStores';
import { createHomeStore } from '../../../renderer/features/home/store/store';
import { RegistrationScreen } from '../../../renderer/features/registration/components/RegistrationScreen';
import { createRegistrationStore } from '../../../renderer/features/registration/store/store';
import { createSessionStore } from '../../../renderer/features/session/store/store';
import { applyDocumentLanguage, createI18n } from '../../../renderer/i18n/createI18n';
import type { LanguageCode } from '../../../schemas/operators';
import { FakeRegistrationApi } from '../../unit/renderer/features/registration/store/fakeRegistrationApi';
import '../../../renderer/styles/app.css';

/**
 * Renders the registration screens in a browser against the contract-shaped fake back end, so the
 * views can be checked (keyboard, axe, screenshots) before the real registration handlers land.
 * `window.harness` lets the test drive the fake (capture scores, preview frames).
 */
declare global {
  interface Window {
    harness?: { fake: FakeRegistrationApi; registration: AppStores['registration']; setLanguage?: (language: LanguageCode) => Promise<void> };
  }
}

/** Only the registration views are rendered: session and home get a client that is never called. */
const unusedClient = new Proxy({}, { get: () => async () => { throw new Error('harness: not part of the registration screens'); } }) as ApiClient;

async function boot(): Promise<void> {
  const language = (new URLSearchParams(window.location.search).get('lang') ?? 'eng') as LanguageCode;
  const fake = new FakeRegistrationApi(Date.now);
  const stores: AppStores = {
    session: createSessionStore(unusedClient, { load: () => language, save: () => undefined }, language),
    home: createHomeStore(unusedClient),
    registration: createRegistrationStore(fake.api),
    approval: createApprovalStore(unusedClient),
    sync: createSyncStore(unusedClient),
    cards: createDashboardCardsStore(unusedClient),
    navigation: createNavigationStore(), settings: createSettingsStore(unusedClient),
  };
  // the officer the fake's password belongs to (the operator authentication dialog names them)
  stores.session.setState({ session: { userId: 'officer1', name: 'Officer One', roles: ['REGISTRATION_OFFICER'], language, loggedInAt: Date.now(), idleWarningSeconds: 600, idleLogoutSeconds: 900 } });
  window.harness = { fake, registration: stores.registration };
  const i18n = await createI18n(language);
  applyDocumentLanguage(document, language);
  // switches the UI language mid-flow, as the app's language menu does (for the right-to-left checks)
  window.harness.setLanguage = async (next) => {
    await i18n.changeLanguage(next);
    applyDocumentLanguage(document, next);
  };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoresContext.Provider value={stores}>
          <RegistrationScreen />
        </StoresContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
  await stores.registration.getState().open();
}

void boot();
