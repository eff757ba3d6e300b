import type { SerializedError } from '../../../../schemas/errors';
import type { RegistrationProcess } from '../../../../schemas/registration';
import type { FieldIssue, FormValues } from '../../../../schemas/registrationForm';
import type { AgeGroupConfig, ProcessSpec, UiMessages } from '../../../../schemas/uiSpec';

/** The settings a form runs under; synced from the server (or the STP demo data). */
export interface FormConfig {
  readonly ageGroups: AgeGroupConfig;
  readonly messages: UiMessages;
  /** `mosip.registration.max_age` */
  readonly maxAge: number;
}

/** One registration form in progress. Plain data only: the draft snapshot is cut from it. */
export interface FormState {
  readonly status: 'idle' | 'editing';
  readonly spec: ProcessSpec | null;
  readonly config: FormConfig | null;
  readonly draftId: string | null;
  readonly process: RegistrationProcess | null;
  readonly languages: readonly string[];
  readonly selectedGroups: readonly string[];
  readonly values: FormValues;
  readonly screenIndex: number;
  readonly reachedScreenIndex: number;
  /** field id → shown / required, recomputed from the rules after every change */
  readonly visible: Readonly<Record<string, boolean>>;
  readonly required: Readonly<Record<string, boolean>>;
  /** fields the operator has changed, or all of a screen after "next": only those show issues */
  readonly touched: Readonly<Record<string, true>>;
  readonly issues: Readonly<Record<string, readonly FieldIssue[]>>;
  /** a spec rule we cannot run (ERR_REG_RULE_SYNTAX): the form is blocked and the error shown */
  readonly ruleError: SerializedError | null;
  /** the clock reading of the last action (ms), so derived ages are reproducible */
  readonly now: number;
}

export function initialFormState(): FormState {
  return {
    status: 'idle', spec: null, config: null, draftId: null, process: null, languages: [], selectedGroups: [], values: {},
    screenIndex: 0, reachedScreenIndex: 0, visible: {}, required: {}, touched: {}, issues: {}, ruleError: null, now: 0,
  };
}

/** The registration feature's store state; more slices (documents, biometrics) come later. */
export interface RegistrationState {
  readonly form: FormState;
}

export function initialRegistrationState(): RegistrationState {
  return { form: initialFormState() };
}
