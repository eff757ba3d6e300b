import { randomUUID } from 'node:crypto';
import type { BiometricAttemptResult } from '../../../../schemas/api/registrationApi';
import { AppError } from '../../../../schemas/errors';
import { BioAttribute } from '../../../../schemas/registration';
import type { FormFieldValue } from '../../../../schemas/registrationForm';
import type { BioSubType, CapturedBiometric, CaptureResult, Modality } from '../../../../schemas/sbi';
import type { UiField } from '../../../../schemas/uiSpec';
import { loadJpeg2000Decoder, type Jpeg2000Decoder } from '../../../../native/image/Jpeg2000Decoder';
import { isoPreviewJpeg } from '../../../../native/sbi/isoPreview';
import { MODALITIES } from '../../../../native/sbi/modalities';
import { BIO_ATTRIBUTE_OF } from '../../../../native/sbi/toRegistrationCaptures';
import { DEFAULT_QUALITY_POLICY, thresholdFor, type QualityPolicyConfig } from '../../../../native/sbi/qualityPolicy';
import { deleteDraftCapturesOf, insertDraftCapture, listDraftCaptures, setKeptCapture, updateDraftHashChain } from '../../db/repos/drafts';
import { capturedAttributes, exceptedAttributes, historyOf, seriesFromRows, seriesOf, type CaptureSeries } from './captureSeries';
import { formField, type DraftDocuments } from './DraftDocuments';
import type { DraftWorkDeps } from './DraftWorkDeps';
import { faceJpegOf } from './faceJpeg';


/** One verified RCAPTURE (DevicesService.capture). */
export interface BiometricCapturer {
  capture(options: { modality: Modality; exceptions: readonly BioSubType[]; previousHash: string; requestedScore?: number }): Promise<CaptureResult>;
}

export interface DraftBiometricsDeps extends DraftWorkDeps {
  readonly documents: DraftDocuments;
  readonly devices: BiometricCapturer;
  /** fixed, or read at each attempt (the supervisor's settings) */
  readonly policy?: QualityPolicyConfig | (() => QualityPolicyConfig);
}

export interface CaptureInput {
  readonly draftId: string;
  readonly fieldId: string;
  readonly modality: Modality;
  readonly exceptions: readonly BioSubType[];
}

/** Exception photos are filed as this document type in the proof-of-exception field (MOSIP `EOP`). */
export const EXCEPTION_PHOTO_DOCUMENT_TYPE = 'EOP';

/** The attributes a modality captures when nothing is excepted. */
function attributesOf(modality: Modality): BioAttribute[] {
  const spec = MODALITIES[modality];
  return spec.bioType === 'Face' ? ['face'] : spec.subTypes.map((s) => BIO_ATTRIBUTE_OF[s]);
}

/** Every finger or iris of the modality is marked missing: there is nothing for a device to capture. */
function allExcepted(modality: Modality, exceptions: readonly BioSubType[]): boolean {
  const subTypes = MODALITIES[modality].subTypes;
  return subTypes.length > 0 && subTypes.every((s) => exceptions.includes(s));
}

/**
 * The record of a modality whose every attribute is an exception (MOSIP marks them without a
 * capture): no biometrics, the hash chain unchanged, final at once.
 */
function exceptionsOnly(modality: Modality, exceptions: readonly BioSubType[], previousHash: string, now: number, requestedScore: number): CaptureResult {
  return {
    modality, transactionId: '', specVersion: '', requestedScore, exceptions: [...exceptions], biometrics: [],
    averageQuality: 0, lastHash: previousHash, deviceSerialNo: '', warnings: [], capturedAt: now,
  };
}

/** Distinct attributes in MOSIP's attribute order, so the value does not depend on capture order. */
function inSchemaOrder(attributes: readonly BioAttribute[]): BioAttribute[] {
  const set = new Set(attributes);
  return BioAttribute.options.filter((a) => set.has(a));
}

/** A proof-of-exception value this class filed (an earlier exception photo), which a new photo may replace. */
function isFiledExceptionPhoto(value: Extract<FormFieldValue, { type: 'document' }>): boolean {
  return value.documentType === EXCEPTION_PHOTO_DOCUMENT_TYPE && value.format === 'jpg';
}

/** The UI-spec field that takes the exception photo as a document: `subType` POE, else `proofOfException`. */
export function exceptionPhotoField(fields: readonly UiField[]): UiField | undefined {
  return fields.find((f) => f.controlType === 'fileupload' && f.subType === 'POE') ?? fields.find((f) => f.id === 'proofOfException');
}

/**
 * One capture attempt of a draft's biometrics field under the quality policy. Each accepted
 * attempt is stored with the draft's hash chain moved on; a capture the device layer rejects
 * (ERR_SBI_*) never enters the draft. Marking different exceptions starts the modality afresh.
 */
export class DraftBiometrics {
  readonly #d: DraftBiometricsDeps;
  readonly #policyOf: () => QualityPolicyConfig;
  readonly #turns = new Map<string, Promise<BiometricAttemptResult>>();
  /** JPEG 2000 decoder for the previews, loaded at the first capture or attempts list */
  #decoder: Jpeg2000Decoder | undefined;

  constructor(deps: DraftBiometricsDeps) {
    this.#d = deps;
    const policy = deps.policy ?? DEFAULT_QUALITY_POLICY;
    this.#policyOf = typeof policy === 'function' ? policy : () => policy;
  }

  get policy(): QualityPolicyConfig {
    return this.#policyOf();
  }

  /**
   * @throws AppError ERR_REG_DRAFT_*, ERR_REG_FIELD_NOT_IN_FORM, ERR_REG_BIOMETRIC_NOT_REQUESTED,
   *   ERR_REG_BIOMETRIC_NO_ATTEMPTS_LEFT, ERR_SBI_*
   */
  async capture(operatorId: string, input: CaptureInput): Promise<BiometricAttemptResult> {
    // one capture at a time per draft: two in flight would both chain from the same previousHash
    const previousTurn = this.#turns.get(input.draftId);
    const turn = (async () => {
      // the previous capture's failure is its caller's to report; this one only waits for it to end
      await previousTurn?.catch(() => undefined);
      return this.#captureNow(operatorId, input);
    })();
    this.#turns.set(input.draftId, turn);
    try {
      return await turn;
    } finally {
      if (this.#turns.get(input.draftId) === turn) this.#turns.delete(input.draftId);
    }
  }

  async #captureNow(operatorId: string, input: CaptureInput): Promise<BiometricAttemptResult> {
    await this.#loadDecoder();
    const { row, draft } = this.#d.drafts.owned(operatorId, input.draftId);
    const { bundle } = this.#d.bundles.current();
    const fields = this.#d.bundles.spec(bundle, draft.process).screens.flatMap((s) => s.fields);
    const field = formField(fields, input.fieldId, 'biometrics');
    const all = seriesFromRows(listDraftCaptures(this.#d.db, input.draftId), this.policy).filter((s) => s.fieldId === input.fieldId);
    const exceptions = this.#exceptionsFor(field, input, all);
    let previous = all.find((s) => s.modality === input.modality);
    if (previous && [...previous.results.at(-1)!.exceptions].sort().join() !== [...exceptions].sort().join()) {
      deleteDraftCapturesOf(this.#d.db, input.draftId, input.fieldId, input.modality);
      previous = undefined;
    }
    const maxAttempts = this.#maxAttempts(input.modality);
    if ((previous?.results.length ?? 0) >= maxAttempts) {
      throw new AppError('ERR_REG_BIOMETRIC_NO_ATTEMPTS_LEFT', { fieldId: input.fieldId, modality: input.modality, attempts: maxAttempts });
    }
    const result = allExcepted(input.modality, exceptions)
      ? exceptionsOnly(input.modality, exceptions, row.hashChain, this.#d.clock.now(), thresholdFor(input.modality, this.policy))
      : await this.#d.devices.capture({ modality: input.modality, exceptions, previousHash: row.hashChain, requestedScore: thresholdFor(input.modality, this.policy) });
    const series = seriesOf(input.fieldId, input.modality, [...(previous?.results ?? []), result], this.policy);
    const value = this.#store(input, result, series, all.filter((s) => s.modality !== input.modality), fields);
    this.#d.audit.append('DRAFT_BIOMETRICS_CAPTURED', operatorId, {
      draftId: input.draftId, fieldId: input.fieldId, modality: input.modality, attempt: series.results.length, averageQuality: result.averageQuality, decision: series.decision,
    });
    return this.#resultOf(series, value);
  }

  /**
   * Where each modality of a draft stands, as its last attempt left it, so a draft resumed after a
   * crash shows its captures, qualities and attempts left instead of starting the count again.
   * @throws AppError ERR_REG_DRAFT_NOT_FOUND, ERR_REG_DRAFT_NOT_OWNED
   */
  async attempts(operatorId: string, draftId: string): Promise<BiometricAttemptResult[]> {
    this.#d.drafts.owned(operatorId, draftId);
    await this.#loadDecoder();
    const all = seriesFromRows(listDraftCaptures(this.#d.db, draftId), this.policy);
    return all.map((series) => {
      const ofField = all.filter((s) => s.fieldId === series.fieldId);
      const value: FormFieldValue = {
        type: 'biometrics',
        captured: inSchemaOrder(ofField.flatMap(capturedAttributes)),
        exceptions: inSchemaOrder(ofField.flatMap(exceptedAttributes)),
      };
      return this.#resultOf(series, value);
    });
  }

  #maxAttempts(modality: Modality): number {
    return modality === 'exception-photo' ? 1 : this.policy.attempts[MODALITIES[modality].qualityGroup];
  }

  /** The answer for a series' latest attempt. */
  #resultOf(series: CaptureSeries, value: FormFieldValue): BiometricAttemptResult {
    const result = series.results.at(-1)!;
    return {
      fieldId: series.fieldId, modality: series.modality, decision: series.decision, attempt: series.results.length,
      attemptsLeft: Math.max(0, this.#maxAttempts(series.modality) - series.results.length), threshold: series.threshold, averageQuality: result.averageQuality,
      keptAttempt: series.keptIndex + 1,
      history: historyOf(series),
      attributes: result.biometrics.map((b) => ({
        attribute: b.bioSubType === undefined ? 'face' : BIO_ATTRIBUTE_OF[b.bioSubType],
        qualityScore: b.qualityScore,
        thumbnailBase64: this.#previewOf(b),
      })),
      exceptions: result.exceptions.map((e) => BIO_ATTRIBUTE_OF[e]),
      value, warnings: result.warnings,
    };
  }

  /**
   * The decoder for this capture (compiled at the first, shared while captures go on, released
   * when they stop: Jpeg2000Decoder.ts); without it (WASM refused) captures go on, only their
   * previews are missing.
   */
  async #loadDecoder(): Promise<void> {
    try {
      this.#decoder = await loadJpeg2000Decoder();
    } catch {
      this.#decoder = undefined;
    }
  }

  /**
   * A JPEG the page can show of a capture: the JPEG 2000 image decoded in the main process (no
   * browser shows JPEG 2000), or the JPEG of a face stored by an older draft.
   */
  #previewOf(b: CapturedBiometric): string | null {
    const iso = Buffer.from(b.bioValue, 'base64url');
    const preview = this.#decoder ? isoPreviewJpeg(iso, b.bioType, this.#decoder) : undefined;
    return (preview ?? (b.bioType === 'Face' ? faceJpegOf(iso) : undefined))?.toString('base64') ?? null;
  }

  /** The exception photo proves the field's marked exceptions; other modalities send what the operator marked. */
  #exceptionsFor(field: UiField, input: CaptureInput, series: readonly CaptureSeries[]): BioSubType[] {
    const requested = new Set(field.bioAttributes ?? []);
    if (input.modality !== 'exception-photo') {
      if (!attributesOf(input.modality).some((a) => requested.has(a))) throw new AppError('ERR_REG_BIOMETRIC_NOT_REQUESTED', { fieldId: input.fieldId, modality: input.modality });
      return [...input.exceptions];
    }
    const marked = input.exceptions.length > 0 ? [...input.exceptions] : series.flatMap((s) => (s.modality === 'exception-photo' ? [] : [...s.results.at(-1)!.exceptions]));
    if (field.exceptionPhotoRequired !== true || marked.length === 0) throw new AppError('ERR_REG_BIOMETRIC_NOT_REQUESTED', { fieldId: input.fieldId, modality: input.modality });
    return marked;
  }

  /** Stores the attempt, the kept mark, the hash chain and the field value in one transaction. */
  #store(input: CaptureInput, result: CaptureResult, series: CaptureSeries, others: readonly CaptureSeries[], fields: readonly UiField[]): FormFieldValue {
    const value: FormFieldValue = {
      type: 'biometrics',
      captured: inSchemaOrder([...others, series].flatMap(capturedAttributes)),
      exceptions: inSchemaOrder([...others, series].flatMap(exceptedAttributes)),
    };
    this.#d.db.transaction(() => {
      insertDraftCapture(this.#d.db, {
        draftId: input.draftId, fieldId: input.fieldId, modality: input.modality, attempt: series.results.length,
        resultJson: JSON.stringify(result), averageQuality: result.averageQuality, kept: false, createdAt: this.#d.clock.now(),
      });
      setKeptCapture(this.#d.db, input.draftId, input.fieldId, input.modality, series.keptIndex + 1);
      updateDraftHashChain(this.#d.db, input.draftId, result.lastHash);
      this.#d.drafts.setValue(input.draftId, input.fieldId, value);
      if (input.modality === 'exception-photo') this.#fileExceptionPhoto(input.draftId, result, fields);
    })();
    return value;
  }

  /**
   * The exception photo's JPEG fills the proof-of-exception slot only while the operator has put no
   * document there: what the operator attached (a medical certificate) is never replaced. MOSIP
   * 1.2.0.x keeps the photo as a biometric of the field (GenericBiometricsController: the
   * saveProofOfExceptionDocument path is commented out; isBiometricExceptionProofCollected reads
   * RegistrationDTO.getBiometric(fieldId, "unknown")), so the slot is the operator's; the photo
   * reaches the packet as a biometric either way (composeRegistration → the field's ExceptionPhoto BIR).
   * Filling the empty slot is this client's older behaviour, kept because the STP spec requires
   * proofOfException once an exception is marked (`requiredOn: identity.isBioException`).
   */
  #fileExceptionPhoto(draftId: string, result: CaptureResult, fields: readonly UiField[]): void {
    const target = exceptionPhotoField(fields);
    const face = result.biometrics[0];
    const iso = face ? Buffer.from(face.bioValue, 'base64url') : undefined;
    // devices send JPEG 2000 (the document is a JPEG, as bio-utils CommonUtil.convertJP2ToJPEGBytes makes it)
    const jpeg = iso && (faceJpegOf(iso) ?? (this.#decoder ? isoPreviewJpeg(iso, 'Face', this.#decoder, undefined) : undefined));
    if (!target || !jpeg) return;
    const current = this.#d.drafts.valueOf(draftId, target.id);
    if (current?.type === 'document' && !isFiledExceptionPhoto(current)) return;
    this.#d.documents.store(draftId, target.id, {
      type: 'document', documentType: EXCEPTION_PHOTO_DOCUMENT_TYPE, format: 'jpg', refNumber: null, storageId: randomUUID(), sizeBytes: jpeg.length, pageCount: 1,
    }, jpeg);
  }
}
