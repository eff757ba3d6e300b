import type { BioAttribute } from '../../../../../../schemas/registration';
import type { Modality } from '../../../../../../schemas/sbi';
import { toUiError } from '../../../../UiError';
import type { FormFieldValue } from '../../../../../../schemas/registrationForm';
import type { RegistrationState } from '../../initialState';
import type { SliceContext } from '../../store';
import { formActions, formReducer } from '../form/reducer';
import { formSelectors } from '../form/selectors';
import { attemptKey, exceptionSubTypes, MODALITY_ATTRIBUTES } from './bioModalities';

export interface BiometricsActions {
  /** marks an attribute missing (or present again); captures of its modality must be redone */
  setException(fieldId: string, attribute: BioAttribute, isMissing: boolean): void;
  /** one capture attempt under the quality policy; the back end keeps the capture */
  captureBiometrics(fieldId: string, modality: Modality): Promise<void>;
  startPreview(modality: Modality): Promise<void>;
  stopPreview(): Promise<void>;
}

/**
 * A biometrics value set into the form; the "fix these first" list, once shown, is recomputed from
 * it (as every other edit does), so a capture that completes the field clears its message.
 */
function withValue(s: RegistrationState, fieldId: string, value: FormFieldValue | null, now: number): Pick<RegistrationState, 'form' | 'draft'> {
  const form = formReducer(s.form, formActions.setValue(fieldId, value, now));
  return { form, draft: s.draft.blockedIssues.length === 0 ? s.draft : { ...s.draft, blockedIssues: formSelectors.screenIssues(form) } };
}

/** Biometrics: exceptions marked here, captures and their hash chain kept by the back end. */
export function createBiometricsActions({ api, set, get, now }: SliceContext): BiometricsActions {
  let stopFrames: (() => void) | null = null;
  const adoptBackEndDocuments = async (draftId: string) => {
    const stored = await api['drafts.get']({ draftId });
    const missing = Object.entries(stored.values).filter(([id, v]) => v.type === 'document' && !get().form.values[id]);
    if (missing.length === 0) return;
    set((s) => ({
      form: missing.reduce((form, [id, v]) => formReducer(form, formActions.setValue(id, v, now())), s.form),
      documents: { ...s.documents, ...Object.fromEntries(missing.map(([id]) => [id, { status: 'attached' as const, error: null }])) },
    }));
  };
  const unsubscribe = () => {
    stopFrames?.();
    stopFrames = null;
  };
  return {
    setException(fieldId, attribute, isMissing) {
      set((s) => {
        const previous = s.biometrics.exceptions[fieldId] ?? [];
        const exceptions = isMissing ? [...new Set([...previous, attribute])] : previous.filter((a) => a !== attribute);
        const current = s.form.values[fieldId];
        const captured = current?.type === 'biometrics' ? current.captured.filter((a) => !exceptions.includes(a)) : [];
        const modality = (Object.keys(MODALITY_ATTRIBUTES) as Modality[]).find((m) => MODALITY_ATTRIBUTES[m].includes(attribute));
        const attempts = { ...s.biometrics.attempts };
        if (modality) delete attempts[attemptKey(fieldId, modality)];
        // the same value MOSIP derives: exceptions count toward the requirement, never as captures
        const value = captured.length === 0 && exceptions.length === 0 ? null : { type: 'biometrics' as const, captured, exceptions };
        return {
          ...withValue(s, fieldId, value, now()),
          biometrics: { ...s.biometrics, exceptions: { ...s.biometrics.exceptions, [fieldId]: exceptions }, attempts },
        };
      });
    },
    async captureBiometrics(fieldId, modality) {
      const draftId = get().form.draftId;
      if (!draftId || get().biometrics.capturing) return;
      const key = attemptKey(fieldId, modality);
      await get().stopPreview();
      set((s) => ({ biometrics: { ...s.biometrics, capturing: key, error: null } }));
      try {
        const exceptions = exceptionSubTypes(modality, get().biometrics.exceptions[fieldId] ?? []);
        const result = await api['drafts.captureBiometrics']({ draftId, fieldId, modality, exceptions });
        set((s) => {
          const { form, draft } = withValue(s, fieldId, result.value, now());
          return {
            form,
            biometrics: { ...s.biometrics, capturing: null, attempts: { ...s.biometrics.attempts, [key]: result } },
            draft: modality === 'exception-photo' ? { ...draft, missingExceptionPhotos: draft.missingExceptionPhotos.filter((id) => id !== fieldId) } : draft,
          };
        });
        // the back end files the exception photo as the proof-of-exception document (MOSIP 1.2.0):
        // take that value, or the next autosave would not carry it
        if (modality === 'exception-photo') await adoptBackEndDocuments(draftId);
      } catch (err) {
        set((s) => ({ biometrics: { ...s.biometrics, capturing: null, error: toUiError(err) } }));
      }
    },
    async startPreview(modality) {
      if (get().biometrics.previewModality === modality) return;
      await get().stopPreview();
      stopFrames = api.on('devices.onDidPreviewFrame', (frame) => {
        if (frame.modality === get().biometrics.previewModality) set((s) => ({ biometrics: { ...s.biometrics, preview: frame } }));
      });
      const stopEnd = api.on('devices.onDidEndPreview', (end) => {
        if (end.modality !== get().biometrics.previewModality) return;
        stopEnd();
        set((s) => ({ biometrics: { ...s.biometrics, previewModality: null, preview: null, error: end.error ? { code: end.error.code, details: end.error.details } : s.biometrics.error } }));
      });
      const previous = stopFrames;
      stopFrames = () => {
        previous();
        stopEnd();
      };
      set((s) => ({ biometrics: { ...s.biometrics, previewModality: modality, preview: null, error: null } }));
      try {
        await api['devices.startPreview']({ modality });
      } catch (err) {
        unsubscribe();
        set((s) => ({ biometrics: { ...s.biometrics, previewModality: null, error: toUiError(err) } }));
      }
    },
    async stopPreview() {
      if (get().biometrics.previewModality === null) return;
      unsubscribe();
      set((s) => ({ biometrics: { ...s.biometrics, previewModality: null, preview: null } }));
      try {
        await api['devices.stopPreview']({});
      } catch (err) {
        set((s) => ({ biometrics: { ...s.biometrics, error: toUiError(err) } }));
      }
    },
  };
}
