import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialRegistrationState, type RegistrationState } from './initialState';
import type { RegistrationApi } from './registrationApi';
import { createBiometricsActions, type BiometricsActions } from './slices/biometrics/action';
import { createDocScanActions, type DocScanActions } from './slices/docScan/action';
import { createDocumentsActions, type DocumentsActions } from './slices/documents/action';
import { createDraftActions, type DraftActions } from './slices/draft/action';
import { createFormActions, type FormActions } from './slices/form/action';
import { createSubmitActions, type SubmitActions } from './slices/submit/action';

export type RegistrationActions = DraftActions & FormActions & DocumentsActions & DocScanActions & BiometricsActions & SubmitActions;
export type RegistrationStoreState = RegistrationState & RegistrationActions;
export type RegistrationStore = StoreApi<RegistrationStoreState>;

/** What every slice's actions are built with: the injected client and clock, and the store's set/get. */
export interface SliceContext {
  readonly api: RegistrationApi;
  readonly now: () => number;
  readonly set: RegistrationStore['setState'];
  readonly get: RegistrationStore['getState'];
}

/**
 * The operator's registration: form (pure reducer), drafts and autosave, documents (chosen or
 * scanned with the camera), biometric attempts and submission. The back end keeps drafts, documents and captures; this store keeps only
 * what the API returns (STYLE rules 34–39).
 */
export function createRegistrationStore(api: RegistrationApi, now: () => number = Date.now): RegistrationStore {
  return createStore<RegistrationStoreState>()((set, get) => {
    const context: SliceContext = { api, now, set, get };
    return {
      ...initialRegistrationState(),
      ...createDraftActions(context),
      ...createFormActions(context),
      ...createDocumentsActions(context),
      ...createDocScanActions(context),
      ...createBiometricsActions(context),
      ...createSubmitActions(context),
    };
  });
}
