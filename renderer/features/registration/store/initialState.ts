import type { AckReceipt } from '../../../../schemas/ackReceipt';
import type { DraftSummary, BiometricAttemptResult } from '../../../../schemas/api/registrationApi';
import type { BirthRecordApplied } from '../../../../schemas/birthCertificateQr';
import type { PreRegistrationApplied } from '../../../../schemas/preRegistration';
import type { SerializedError } from '../../../../schemas/errors';
import type { PacketBuildProgress, PacketBuildResult } from '../../../../schemas/packet';
import type { BioAttribute, RegistrationProcess } from '../../../../schemas/registration';
import type { FieldIssue, FormValues } from '../../../../schemas/registrationForm';
import type { Modality } from '../../../../schemas/sbi';
import type { AgeGroupConfig, LocalizedText, ProcessSpec, RegistrationFormBundle, UiMessages } from '../../../../schemas/uiSpec';
import type { UiError } from '../../UiError';

/** The settings a form runs under; synced from the server (or the STP demo data). */
export interface FormConfig {
  readonly ageGroups: AgeGroupConfig;
  readonly messages: UiMessages;
  /** `mosip.registration.max_age` */
  readonly maxAge: number;
  /** html templates (consent) by `templateName`, text per language, from the bundle's master data */
  readonly templates?: Readonly<Record<string, LocalizedText>>;
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
  /**
   * BIOMETRIC_CORRECTION: the additional-info request id typed on the screen whose spec has
   * `additionalInfoRequestIdRequired` (no spec field: the Java client adds its own text box)
   */
  readonly additionalInfoReqId: string;
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
    status: 'idle', spec: null, config: null, draftId: null, process: null, languages: [], selectedGroups: [], values: {}, additionalInfoReqId: '',
    screenIndex: 0, reachedScreenIndex: 0, visible: {}, required: {}, touched: {}, issues: {}, ruleError: null, now: 0,
  };
}

/** Which registration view shows; `closed` means the home screen (the app's small router). */
export type RegistrationView = 'closed' | 'picker' | 'form' | 'preview' | 'acknowledgement';

/** The draft lifecycle: form bundle, drafts list, autosave. */
export interface DraftState {
  readonly view: RegistrationView;
  readonly bundleStatus: 'idle' | 'loading' | 'ready' | 'failed';
  readonly bundle: RegistrationFormBundle | null;
  readonly drafts: readonly DraftSummary[];
  readonly busy: boolean;
  readonly lastSavedAt: number | null;
  /** issues that stopped "next" (shown as a list above the buttons) */
  readonly blockedIssues: readonly FieldIssue[];
  /** the exception photo is missing for these biometrics fields (blocks "next") */
  readonly missingExceptionPhotos: readonly string[];
  readonly error: UiError | null;
  readonly preRegistration: PreRegistrationState;
  readonly birthRecord: BirthRecordState;
  /** the deployment fetches birth records from the civil registry (settings: online, a registry named) */
  readonly registryAvailable: boolean;
}

/** The PRID box: what was typed or scanned, the fetch, and what it filled. */
export interface PreRegistrationState {
  readonly prid: string;
  readonly status: 'idle' | 'fetching' | 'done' | 'failed';
  readonly applied: PreRegistrationApplied | null;
  readonly error: UiError | null;
}

export function initialPreRegistrationState(): PreRegistrationState {
  return { prid: '', status: 'idle', applied: null, error: null };
}

/**
 * The birth record screen (CRVS_NEW): a birth certificate's QR read, or the record fetched from
 * the civil registry by its number (online deployments), and what it filled.
 */
export interface BirthRecordState {
  readonly status: 'idle' | 'applying' | 'done' | 'failed';
  readonly applied: BirthRecordApplied | null;
  readonly error: UiError | null;
  /** the registration number typed for a fetch from the civil registry */
  readonly number: string;
}

export function initialBirthRecordState(): BirthRecordState {
  return { status: 'idle', applied: null, error: null, number: '' };
}

/** One document field's upload status; the bytes never stay in the page. */
export interface DocumentUpload {
  readonly status: 'uploading' | 'attached' | 'failed';
  readonly error: UiError | null;
}

/** Why the camera did not start, in the operator's terms (each has its own message and remedy). */
export type CameraProblem = 'noCamera' | 'denied' | 'busy' | 'unsupported' | 'failed';

/** A camera the operator can choose; the label is empty until camera access is granted. */
export interface CameraInfo {
  readonly deviceId: string;
  readonly label: string;
}

/** One photographed page: a JPEG, kept in the page only until it is attached or dropped. */
export interface ScanPage {
  readonly id: number;
  readonly jpegBase64: string;
}

/**
 * The "Scan with camera" panel (at most one open). The live stream is not plain data: it stays in
 * the panel component; this keeps what the panel shows and the pages taken.
 */
export interface DocScanState {
  /** the document field whose panel is open; null: closed (and the camera off) */
  readonly fieldId: string | null;
  readonly camera: 'starting' | 'live' | 'failed';
  readonly cameras: readonly CameraInfo[];
  /** the camera the operator chose; null: the default (environment-facing preferred) */
  readonly requestedCameraId: string | null;
  /** the camera actually streaming */
  readonly cameraId: string | null;
  /** bumped by "Try again", so the panel asks for the camera once more */
  readonly attempt: number;
  readonly problem: CameraProblem | null;
  readonly pages: readonly ScanPage[];
  readonly nextPageId: number;
}

export function initialDocScanState(): DocScanState {
  return { fieldId: null, camera: 'starting', cameras: [], requestedCameraId: null, cameraId: null, attempt: 0, problem: null, pages: [], nextPageId: 1 };
}

/** Per-field, per-modality capture results and the exceptions the operator marked. */
export interface BiometricsState {
  /** `fieldId` → attributes marked missing (sent with every capture of the field) */
  readonly exceptions: Readonly<Record<string, readonly BioAttribute[]>>;
  /** `fieldId:modality` → the last attempt's result */
  readonly attempts: Readonly<Record<string, BiometricAttemptResult>>;
  /** `fieldId:modality` being captured now */
  readonly capturing: string | null;
  readonly preview: { readonly modality: Modality; readonly jpegBase64: string; readonly index: number } | null;
  readonly previewModality: Modality | null;
  readonly error: UiError | null;
  readonly warning: UiError | null;
}

/**
 * The operator authentication before submit (MOSIP `packet_auth`): open while the dialog shows,
 * with the last refusal. The password itself is never stored here, only in the dialog.
 */
export interface SubmitAuthState {
  readonly error: UiError | null;
}

/** The last submission: it runs on while the operator starts the next resident. */
export interface SubmitState {
  /** authenticating: the password is being checked and nothing is built yet (the dialog stays) */
  readonly status: 'idle' | 'validating' | 'authenticating' | 'submitting' | 'done' | 'failed';
  /** the authentication dialog, when open */
  readonly auth: SubmitAuthState | null;
  readonly draftId: string | null;
  readonly residentName: string | null;
  readonly issues: readonly FieldIssue[];
  /** the draft has biometric exceptions and a supervisor must review it (drafts.validate says) */
  readonly reviewerRequired: boolean;
  readonly progress: PacketBuildProgress | null;
  readonly result: PacketBuildResult | null;
  readonly receiptPdfBase64: string | null;
  /** the receipt's content, shown on the acknowledgement (the PDF is drawn from the same) */
  readonly receipt: AckReceipt | null;
  readonly error: UiError | null;
}

/** The registration feature's store state, one key per slice. */
export interface RegistrationState {
  readonly form: FormState;
  readonly draft: DraftState;
  readonly documents: Readonly<Record<string, DocumentUpload>>;
  readonly docScan: DocScanState;
  readonly biometrics: BiometricsState;
  readonly submission: SubmitState;
}

export function initialDraftState(): DraftState {
  return { view: 'closed', bundleStatus: 'idle', bundle: null, drafts: [], busy: false, lastSavedAt: null, blockedIssues: [], missingExceptionPhotos: [], error: null, preRegistration: initialPreRegistrationState(), birthRecord: initialBirthRecordState(), registryAvailable: false };
}

export function initialBiometricsState(): BiometricsState {
  return { exceptions: {}, attempts: {}, capturing: null, preview: null, previewModality: null, error: null, warning: null };
}

export function initialSubmitState(): SubmitState {
  return { status: 'idle', auth: null, draftId: null, residentName: null, issues: [], reviewerRequired: false, progress: null, result: null, receiptPdfBase64: null, receipt: null, error: null };
}

export function initialRegistrationState(): RegistrationState {
  return { form: initialFormState(), draft: initialDraftState(), documents: {}, docScan: initialDocScanState(), biometrics: initialBiometricsState(), submission: initialSubmitState() };
}
