import { PAGE_SIZE_MAX } from '../../../../../../schemas/paging';
import type { BiometricAttemptResult } from '../../../../../../schemas/api/registrationApi';
import type { BioAttribute, RegistrationProcess } from '../../../../../../schemas/registration';
import type { RegistrationDraft } from '../../../../../../schemas/registrationForm';
import type { BirthRecordApplied } from '../../../../../../schemas/birthCertificateQr';
import type { RegistrationFormBundle } from '../../../../../../schemas/uiSpec';
import { MAX_AGE } from '../../../../../../schemas/rules/ageGroups';
import { toUiError } from '../../../../UiError';
import { initialBiometricsState, initialBirthRecordState, initialDocScanState, initialPreRegistrationState, initialRegistrationState, initialSubmitState, type FormConfig } from '../../initialState';
import type { SliceContext } from '../../store';
import { formActions, formReducer, specFor } from '../form/reducer';
import { formSelectors } from '../form/selectors';
import { attemptKey } from '../biometrics/bioModalities';


export interface DraftActions {
  /** shows the process picker: loads the form bundle and this operator's drafts */
  open(): Promise<void>;
  /** back to the home screen; the draft in progress is already autosaved */
  close(): Promise<void>;
  listDrafts(): Promise<void>;
  start(process: RegistrationProcess, languages: readonly string[]): Promise<void>;
  resume(draftId: string): Promise<void>;
  discard(draftId: string): Promise<void>;
  /** autosave: the current draft replaces the stored one */
  save(): Promise<void>;
  clearError(): void;
  reset(): void;
  /** the PRID box's text (typed, or a scanned line) */
  setPrid(prid: string): void;
  /** saves the form, fetches the PRID's application into the draft and shows the prefilled form */
  applyPreRegistration(prid?: string): Promise<void>;
  /** saves the form, fills it from a birth certificate's QR text (parsed by the back end) and shows it */
  applyBirthRecord(text: string): Promise<void>;
  /** the birth registration number box (fetch from the civil registry) */
  setBirthRegistrationNumber(number: string): void;
  /** saves the form, fetches the birth record by its number from the civil registry and shows what it filled */
  fetchBirthRecord(): Promise<void>;
}

/** The spec field that makes a screen the birth record screen (CRVS_NEW): a scanned QR fills it. */
export const BIRTH_RECORD_FIELD = 'birthCertificateNumber';

function configOf(bundle: RegistrationFormBundle): FormConfig {
  return { ageGroups: bundle.ageGroups, messages: bundle.messages, maxAge: MAX_AGE, templates: bundle.masterData.templates };
}

function exceptionsOf(draft: RegistrationDraft): Record<string, BioAttribute[]> {
  return Object.fromEntries(Object.entries(draft.values).flatMap(([id, v]) => (v.type === 'biometrics' && v.exceptions.length > 0 ? [[id, [...v.exceptions]]] : [])));
}

/** Drafts: the back end stores them; the page holds the one being edited and saves it on every screen change. */
export function createDraftActions(context: SliceContext): DraftActions {
  const { api, set, get, now } = context;
  let stopWarnings: (() => void) | null = null;
  let stopScanner: (() => void) | null = null;
  const fail = (err: unknown) => set((s) => ({ draft: { ...s.draft, busy: false, error: toUiError(err) } }));

  const loadBundle = async (): Promise<RegistrationFormBundle | null> => {
    const known = get().draft.bundle;
    if (known) return known;
    set((s) => ({ draft: { ...s.draft, bundleStatus: 'loading' } }));
    try {
      const bundle = await api['registration.formBundle']({});
      set((s) => ({ draft: { ...s.draft, bundle, bundleStatus: 'ready' } }));
      return bundle;
    } catch (err) {
      set((s) => ({ draft: { ...s.draft, bundleStatus: 'failed', error: toUiError(err) } }));
      return null;
    }
  };

  /** A fresh form for `draft`: documents and captures of a previous resident are dropped from view. */
  const enter = (bundle: RegistrationFormBundle, draft: RegistrationDraft, resumed: boolean, attempts: readonly BiometricAttemptResult[] = []) => {
    const spec = specFor(bundle.processes, draft.process);
    if (!spec) {
      set((s) => ({ draft: { ...s.draft, busy: false, error: { code: 'ERR_INTERNAL', details: { process: draft.process } } } }));
      return;
    }
    const action = resumed
      ? formActions.resume(spec, configOf(bundle), draft, now())
      : formActions.start(spec, configOf(bundle), draft.draftId, draft.languages, now());
    set((s) => ({
      form: formReducer(s.form, action),
      documents: {},
      docScan: initialDocScanState(),
      // a resumed draft's marked exceptions come back from its values, so the next capture sends them again
      // and its captures with their quality and attempts left, so nothing is captured twice
      biometrics: {
        ...initialBiometricsState(), warning: s.biometrics.warning, exceptions: exceptionsOf(draft),
        attempts: Object.fromEntries(attempts.map((a) => [attemptKey(a.fieldId, a.modality), a])),
      },
      draft: {
        ...s.draft, view: 'form', busy: false, error: null, blockedIssues: [], missingExceptionPhotos: [], lastSavedAt: draft.savedAt,
        preRegistration: s.form.draftId === draft.draftId ? s.draft.preRegistration : { ...initialPreRegistrationState(), prid: draft.preRegistrationId ?? '' },
        birthRecord: s.form.draftId === draft.draftId ? s.draft.birthRecord : initialBirthRecordState(),
      },
      // a finished submission's receipt is not needed once the next resident starts
      submission: s.submission.status === 'done' || s.submission.status === 'failed' || s.submission.status === 'idle' ? initialSubmitState() : s.submission,
    }));
  };

  // whether the fetch box is shown: an online deployment that names its civil registry
  const loadRegistryAvailable = async (): Promise<void> => {
    try {
      const { civilRegistration } = await api['settings.get']({});
      set((s) => ({ draft: { ...s.draft, registryAvailable: civilRegistration.delivery === 'online' && civilRegistration.registry !== null } }));
    } catch {
      set((s) => ({ draft: { ...s.draft, registryAvailable: false } }));
    }
  };
  const fillBirthRecord = async (call: (draftId: string) => Promise<{ draft: RegistrationDraft; applied: BirthRecordApplied }>): Promise<void> => {
    const draftId = get().form.draftId;
    const bundle = get().draft.bundle;
    if (!draftId || !bundle || get().draft.birthRecord.status === 'applying') return;
    set((s) => ({ draft: { ...s.draft, birthRecord: { ...s.draft.birthRecord, status: 'applying', applied: null, error: null } } }));
    await get().save();
    try {
      const { draft, applied } = await call(draftId);
      enter(bundle, draft, true);
      set((s) => ({ draft: { ...s.draft, birthRecord: { ...s.draft.birthRecord, status: 'done', applied, error: null } } }));
    } catch (err) {
      set((s) => ({ draft: { ...s.draft, birthRecord: { ...s.draft.birthRecord, status: 'failed', applied: null, error: toUiError(err) } } }));
    }
  };

  return {
    async open() {
      stopWarnings ??= api.on('devices.onDidWarn', (warning) => set((s) => ({ biometrics: { ...s.biometrics, warning: { code: warning.code, details: warning.details } } })));
      // a scanned QR (serial scanner) on a screen that takes a PRID fills the box and fetches
      // … and on the birth record screen, a birth certificate's QR fills the record, the child and the parent
      stopScanner ??= api.on('scanner.onDidRead', ({ text }) => {
        const { draft, form } = get();
        const screen = formSelectors.currentScreen(form);
        if (draft.view !== 'form' || !screen) return;
        if (screen.fields.some((f) => f.id === BIRTH_RECORD_FIELD)) {
          void get().applyBirthRecord(text);
          return;
        }
        if (screen.preRegFetchRequired !== true) return;
        get().setPrid(text);
        void get().applyPreRegistration(text);
      });
      set((s) => ({ draft: { ...s.draft, view: 'picker', error: null } }));
      await Promise.all([loadBundle(), get().listDrafts(), loadRegistryAvailable()]);
    },
    async close() {
      await get().stopPreview();
      await get().save();
      set((s) => ({ draft: { ...s.draft, view: 'closed' } }));
      await get().listDrafts();
    },
    async listDrafts() {
      try {
        // the newest page: an officer keeps a handful of drafts; more than a page waits in the back end
        const drafts = await api['drafts.list']({ limit: PAGE_SIZE_MAX });
        set((s) => ({ draft: { ...s.draft, drafts: drafts.items } }));
      } catch (err) {
        fail(err);
      }
    },
    async start(process, languages) {
      set((s) => ({ draft: { ...s.draft, busy: true, error: null } }));
      const bundle = await loadBundle();
      if (!bundle) return;
      try {
        enter(bundle, await api['drafts.create']({ process, languages: [...languages] }), false);
      } catch (err) {
        fail(err);
      }
    },
    async resume(draftId) {
      set((s) => ({ draft: { ...s.draft, busy: true, error: null } }));
      const bundle = await loadBundle();
      if (!bundle) return;
      try {
        const [draft, attempts] = await Promise.all([api['drafts.get']({ draftId }), api['drafts.biometrics']({ draftId })]);
        enter(bundle, draft, true, attempts);
      } catch (err) {
        fail(err);
      }
    },
    async discard(draftId) {
      try {
        await api['drafts.discard']({ draftId });
        if (get().form.draftId === draftId) set((s) => ({ form: formReducer(s.form, formActions.reset()) }));
      } catch (err) {
        fail(err);
      }
      await get().listDrafts();
    },
    async save() {
      const savedAt = now();
      const draft = formSelectors.draftSnapshot(savedAt)(get().form);
      if (!draft) return;
      try {
        const saved = await api['drafts.save']({ draft });
        set((s) => ({ draft: { ...s.draft, lastSavedAt: saved.savedAt } }));
      } catch (err) {
        fail(err);
      }
    },
    setPrid: (prid) => set((s) => ({ draft: { ...s.draft, preRegistration: { ...s.draft.preRegistration, prid, status: s.draft.preRegistration.status === 'fetching' ? 'fetching' : 'idle', error: null } } })),
    async applyPreRegistration(prid) {
      const typed = (prid ?? get().draft.preRegistration.prid).trim();
      const draftId = get().form.draftId;
      const bundle = get().draft.bundle;
      if (!draftId || !bundle || get().draft.preRegistration.status === 'fetching') return;
      const pending = { prid: typed, status: 'fetching' as const, applied: null, error: null };
      set((s) => ({ draft: { ...s.draft, preRegistration: pending } }));
      await get().save();
      try {
        const { draft, applied } = await api['drafts.applyPreRegistration']({ draftId, prid: typed });
        enter(bundle, draft, true);
        set((s) => ({ draft: { ...s.draft, preRegistration: { prid: applied.prid, status: 'done', applied, error: null } } }));
      } catch (err) {
        set((s) => ({ draft: { ...s.draft, preRegistration: { ...pending, status: 'failed', error: toUiError(err) } } }));
      }
    },
    applyBirthRecord: (text) => fillBirthRecord((draftId) => api['drafts.applyBirthRecord']({ draftId, text })),
    setBirthRegistrationNumber: (number) => set((s) => ({ draft: { ...s.draft, birthRecord: { ...s.draft.birthRecord, number } } })),
    fetchBirthRecord: () => fillBirthRecord((draftId) => api['drafts.fetchBirthRecord']({ draftId, birthRegistrationNumber: get().draft.birthRecord.number.trim() })),
    clearError: () => set((s) => ({ draft: { ...s.draft, error: null }, biometrics: { ...s.biometrics, error: null, warning: null } })),
    reset() {
      stopWarnings?.();
      stopWarnings = null;
      stopScanner?.();
      stopScanner = null;
      void get().stopPreview();
      set(initialRegistrationState());
    },
  };
}
