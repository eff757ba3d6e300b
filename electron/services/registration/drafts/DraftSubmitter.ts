import { randomUUID } from 'node:crypto';
import type { SubmitResult } from '../../../../schemas/api/registrationApi';
import type { AckReceiptInput } from '../../../../schemas/ackReceipt';
import { AppError, isAppError } from '../../../../schemas/errors';
import type { MachineIdentity } from '../../../../schemas/machine';
import type { PacketBuildProgress, PacketBuildRequest } from '../../../../schemas/packet';
import { RegistrationInput } from '../../../../schemas/registration';
import type { FieldIssue } from '../../../../schemas/registrationForm';
import type { Clock } from '../../../../native/time/Clock';
import { reverifyCapture } from '../../../../native/sbi/reverifyCapture';
import type { TrustStore } from '../../../../native/sbi/TrustStore';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { getDraftDocument, listDraftCaptures } from '../../db/repos/drafts';
import { insertPacketSummary } from '../../db/repos/packetSummaries';
import type { PacketService } from '../../packets/PacketService';
import { ackReceiptPdf } from '../ackReceipt';
import { composeAckReceipt } from '../composeAckReceipt';
import { centreName } from '../centreName';
import { documentTypeName } from '../../../../schemas/rules/documentTypes';
import { RECEIPT_LANGUAGES } from '../ackReceiptText';
import type { FormBundleService } from '../FormBundleService';
import { completeSummary, composeReviewSummary, displayedDemographics } from '../review/composeReviewSummary';
import { seriesFromRows, type CaptureSeries } from './captureSeries';
import { composeRegistration } from './composeRegistration';
import { ridSyncContact } from './ridSyncContact';
import type { DraftBiometrics } from './DraftBiometrics';
import { draftForm, type DraftForm } from './draftForm';
import type { DraftService } from './DraftService';
import { authenticateReviewer, checkReviewerEligible, hasBiometricExceptions, reviewed, type Reviewer, type ReviewerAuthenticator } from './reviewerAuthentication';
import { schemaIssues, specIssues } from './validateDraft';

/** Builds a packet: the app's PacketService. */
export type DraftPacketBuilder = Pick<PacketService, 'build'>;

/**
 * The login's password check (AuthService.verify): same hashes, same lockout, audited per process.
 * @throws AppError ERR_AUTH_WRONG_PASSWORD (an unknown user too), ERR_AUTH_LOCKED, ERR_AUTH_OPERATOR_INACTIVE
 */
export interface OperatorAuthenticator extends ReviewerAuthenticator {
  verify(userId: string, password: string, process: 'packet_auth' | 'exception_auth'): Promise<unknown>;
}

/** One submission: the session's operator, their draft, and the password they just typed. */
export interface SubmitRequest {
  readonly operatorId: string;
  readonly draftId: string;
  readonly receiptLanguage: string;
  /** checked once, never kept or logged */
  readonly password: string;
  /** the supervisor reviewing a registration with biometric exceptions (MOSIP `exception_auth`) */
  readonly reviewer?: Reviewer;
}

export interface DraftSubmitterDeps {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly identity: MachineIdentity;
  readonly drafts: DraftService;
  readonly biometrics: DraftBiometrics;
  readonly bundles: FormBundleService;
  readonly packets: DraftPacketBuilder;
  readonly auth: OperatorAuthenticator;
  /** the device trust anchors held now (DevicesService.anchors): the captures are verified again at submit */
  readonly captureTrust: () => TrustStore;
  /**
   * The supervisor setting `reviewerAuthentication` (MOSIP reviewer_authentication_configuration),
   * read at each submit; absent means on.
   */
  readonly reviewerAuthentication?: () => boolean;
  /** a prefilled draft's PRID after its packet is committed (PreRegistrationService.consume) */
  readonly onPreRegistrationUsed?: (prid: string, operatorId: string) => void;
}

/** A draft ready for the packet engine, and what checking it found. */
interface Prepared {
  readonly form: DraftForm;
  /** undefined when the composed registration does not even parse (its issues say why) */
  readonly input: RegistrationInput | undefined;
  readonly issues: FieldIssue[];
  readonly series: readonly CaptureSeries[];
}

/**
 * Validation and submission of a draft: the registration is composed from the stored draft (never
 * from the page), checked against the spec and the ID schema, the operator authenticates
 * (`packet_auth`), it is built into a packet, and the draft is deleted in the packet's commit, where
 * the supervisor's review summary is stored; any failure before that keeps the draft.
 *
 * Supervisor at registration: MOSIP 1.2 asks a second user to authenticate (`exception_auth`) only
 * when the registration has biometric exceptions and `mosip.registration.reviewer_authentication_configuration`
 * is Y (registration-client AuthenticationController#loadNextScreen; its isValidReviewer only checks
 * that the user exists and is not the operator). Here the setting `reviewerAuthentication` (default
 * on) plays that part, and the reviewer must also hold REGISTRATION_SUPERVISOR — stricter than MOSIP,
 * since an exception is how a resident escapes biometric de-duplication. Order: who the reviewer is
 * (no password), then the operator's password, then the reviewer's; each password only ever costs
 * its own user an attempt, and nothing is built unless both pass. Without a reviewer the packet says
 * supervisorId null / supervisorPassword false; end-of-day approval (PacketApprovalService, `eod_auth`) is recorded in the outbox and the
 * RID sync (supervisorStatus, supervisorComment), never written into a packet already signed.
 */
export class DraftSubmitter {
  readonly #d: DraftSubmitterDeps;
  /** drafts being built now: a second submit (double click, second window) must not make a second packet */
  readonly #building = new Set<string>();

  constructor(deps: DraftSubmitterDeps) {
    this.#d = deps;
  }

  /**
   * What the preview must know before submit: what is left to fix, and whether a supervisor must
   * review (biometric exceptions with the setting on), so the dialog asks for them up front.
   * @throws AppError ERR_REG_DRAFT_*, ERR_REG_RULE_*, ERR_REG_DOCUMENT_NOT_ATTACHED
   */
  validate(operatorId: string, draftId: string): { issues: FieldIssue[]; reviewerRequired: boolean } {
    const { input, issues } = this.#prepare(operatorId, draftId);
    return { issues, reviewerRequired: input !== undefined && this.reviewerRequired(input) };
  }

  /**
   * Checks the draft, authenticates the operator (MOSIP `packet_auth`), then builds. Nothing is
   * built and the draft is kept unless the password is the session operator's own; a first
   * progress event (`validate`, 0) tells the page the authentication passed.
   * @throws AppError ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED, ERR_REG_DRAFT_INCOMPLETE (both checked
   *   before the password, so a draft that cannot be built costs no attempt), ERR_REG_REVIEWER_REQUIRED,
   *   ERR_REG_REVIEWER_IS_OPERATOR, ERR_REG_REVIEWER_NOT_SUPERVISOR (also before any password),
   *   ERR_REG_OPERATOR_AUTH_FAILED, ERR_REG_REVIEWER_AUTH_FAILED, ERR_REG_REVIEWER_LOCKED,
   *   ERR_AUTH_LOCKED, ERR_AUTH_OPERATOR_INACTIVE, ERR_REG_DRAFT_BUSY, ERR_REG_DRAFT_*, ERR_PACKET_*
   */
  async submit(request: SubmitRequest, onProgress: (p: PacketBuildProgress) => void): Promise<SubmitResult> {
    const { draftId } = request;
    if (this.#building.has(draftId)) throw new AppError('ERR_REG_DRAFT_BUSY', { draftId });
    this.#building.add(draftId);
    try {
      return await this.#submit(request, onProgress);
    } finally {
      this.#building.delete(draftId);
    }
  }

  async #submit({ operatorId, draftId, receiptLanguage, password, reviewer }: SubmitRequest, onProgress: (p: PacketBuildProgress) => void): Promise<SubmitResult> {
    if (!(RECEIPT_LANGUAGES as readonly string[]).includes(receiptLanguage)) throw new AppError('ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED', { language: receiptLanguage });
    const { form, input: checked, issues, series } = this.#prepare(operatorId, draftId);
    const first = issues[0];
    if (first || !checked) throw new AppError('ERR_REG_DRAFT_INCOMPLETE', { draftId, count: issues.length, fieldId: first?.fieldId ?? '(registration)', rule: first?.rule ?? 'required' });
    // before any password: a capture that no longer verifies can never be built, so it costs no attempt
    this.#reverifyCaptures(draftId, series);
    const summary = await composeReviewSummary({ form, series, document: (storageId) => getDraftDocument(this.#d.db, draftId, storageId), officerId: operatorId, createdAt: checked.createdAt });
    const ctx = { db: this.#d.db, audit: this.#d.audit, operatorId, draftId };
    const needed = this.reviewerRequired(checked) ? checkReviewerEligible(ctx, reviewer) : undefined;
    await this.#authenticate(operatorId, draftId, password);
    if (needed) await authenticateReviewer(ctx, this.#d.auth, needed);
    onProgress({ draftId, stage: 'validate', fraction: 0 });
    const officer = authenticated(checked, this.#d.clock.now());
    const input = needed ? reviewed(officer, needed.userId, this.#d.clock.now()) : officer;
    // typed since #prepare parsed it: the packet engine takes it as it is
    const request: PacketBuildRequest = {
      draftId, actor: operatorId, registration: input, idSchema: form.bundle.idSchema,
      syncContact: ridSyncContact(form.spec.screens.flatMap((sc) => sc.fields), input.demographics, input.langCodes[0]!),
    };
    const packet = await this.#d.packets.build(request, {
      onProgress,
      // In the packet's own commit: never a packet without its summary, nor a summary (or a
      // draft that could be submitted twice) without its packet, whenever the process stops.
      inCommit: (committed) => {
        insertPacketSummary(this.#d.db, { packet_id: committed.packetId, rid: committed.rid, json: JSON.stringify(completeSummary(summary, committed)), created_at: input.createdAt });
        this.#d.drafts.remove(draftId);
      },
    });
    this.#d.audit.append('DRAFT_SUBMITTED', operatorId, { draftId, rid: packet.rid, packetId: packet.packetId });
    if (input.preRegistrationId) this.#d.onPreRegistrationUsed?.(input.preRegistrationId, operatorId);
    // one composed receipt for both the PDF and the screen, so they never disagree
    const receipt = await composeAckReceipt(receiptInput(form, input, packet.rid, receiptLanguage, centreName(this.#d.db, input.centreId, receiptLanguage)));
    return { packet, receipt, receiptPdfBase64: Buffer.from(await ackReceiptPdf(receipt)).toString('base64') };
  }

  /** Whether a supervisor must review this registration: it has biometric exceptions and the setting is on. */
  reviewerRequired(input: Pick<RegistrationInput, 'biometrics'>): boolean {
    return (this.#d.reviewerAuthentication?.() ?? true) && hasBiometricExceptions(input);
  }

  /**
   * The page never supplies captures: each kept one was stored here from a device response that
   * passed every check. It is verified again now (JWS, trust chain to the anchors held now, hash
   * chain) so a capture altered at rest, or signed by a device no longer trusted, is never built.
   * @throws AppError ERR_REG_CAPTURE_UNVERIFIED
   */
  #reverifyCaptures(draftId: string, series: readonly CaptureSeries[]): void {
    const trust = this.#d.captureTrust();
    for (const s of series) {
      const reason = reverifyCapture(s.results[s.keptIndex]!, trust);
      if (reason) {
        this.#d.audit.append('DRAFT_CAPTURE_UNVERIFIED', null, { draftId, fieldId: s.fieldId, modality: s.modality, reason });
        throw new AppError('ERR_REG_CAPTURE_UNVERIFIED', { draftId, fieldId: s.fieldId, modality: s.modality, reason });
      }
    }
  }

  /** The login's check for the session's operator; a wrong password is named for this screen. */
  async #authenticate(operatorId: string, draftId: string, password: string): Promise<void> {
    try {
      await this.#d.auth.verify(operatorId, password, 'packet_auth');
    } catch (err) {
      if (isAppError(err) && err.is('ERR_AUTH_WRONG_PASSWORD')) {
        throw new AppError('ERR_REG_OPERATOR_AUTH_FAILED', { draftId, attemptsLeft: err.details.attemptsLeft }, { cause: err });
      }
      throw err;
    }
  }

  #prepare(operatorId: string, draftId: string): Prepared {
    const { row, draft } = this.#d.drafts.owned(operatorId, draftId);
    const resolved = this.#d.bundles.current();
    const form = draftForm(draft, this.#d.bundles.spec(resolved.bundle, draft.process), resolved.bundle, new Date(this.#d.clock.now()));
    const series = seriesFromRows(listDraftCaptures(this.#d.db, draftId), this.#d.biometrics.policy);
    const issues = specIssues(form, (fieldId) => series.some((s) => s.fieldId === fieldId && s.modality === 'exception-photo'));
    const composed = composeRegistration({
      form, idSchema: resolved.bundle.idSchema, idSchemaVersion: resolved.idSchemaVersion, series, operatorId, startedAt: row.createdAt,
      document: (storageId) => getDraftDocument(this.#d.db, draftId, storageId),
    });
    const parsed = RegistrationInput.safeParse({
      ...composed,
      preRegistrationId: draft.preRegistrationId ?? null,
      additionalInfoReqId: draft.additionalInfoReqId?.trim() || null,
      centreId: this.#d.identity.centreId,
      machineId: this.#d.identity.machineId,
      createdAt: this.#d.clock.now(),
      // nobody has authenticated for this packet yet: submit sets it once the password passed
      operators: { officerId: operatorId, officerPassword: false },
    });
    if (!parsed.success) return { form, input: undefined, series, issues: [...issues, ...parsed.error.issues.map((i) => inputIssue(i.path, i.message))] };
    const input = parsed.data;
    return { form, input, series, issues: [...issues, ...schemaIssues(input, resolved.bundle.idSchema, issues, resolved.bundle.messages)] };
  }
}

/**
 * The checked registration once its operator authenticated: metaInfo's `officerPassword` becomes
 * true and the packet's audit.json records the authentication (MOSIP REG_OPERATOR_AUTH_PASSWORD).
 * supervisorId/supervisorPassword stay as composed (null/false): no supervisor authenticates here.
 */
function authenticated(input: RegistrationInput, at: number): RegistrationInput {
  const officerId = input.operators.officerId;
  return {
    ...input,
    operators: { ...input.operators, officerPassword: true },
    audits: [
      ...input.audits,
      {
        uuid: randomUUID(), at, eventId: 'REG-EVT-048', eventName: 'REG_OPERATOR_AUTH_PASSWORD', eventType: 'USER',
        moduleId: 'REG-MOD-100', moduleName: 'Registration', description: 'Operator authentication with password', sessionUserId: officerId, sessionUserName: officerId,
      },
    ],
  };
}

/** The receipt: labels from the spec, values resolved per language, what was captured. */
function receiptInput(form: DraftForm, input: RegistrationInput, rid: string, language: string, centre: string): AckReceiptInput {
  const demographics: AckReceiptInput['demographics'] = displayedDemographics(form).map(({ label, value }) => ({ label, value }));
  const documents: AckReceiptInput['documents'] = [];
  for (const { field, visible } of form.fields) {
    const value = form.draft.values[field.id];
    // the type's synced name, as MOSIP's receipt shows it (composeAckReceipt picks the language)
    const typeName = value?.type === 'document' ? documentTypeName(form.bundle.masterData, value.documentType) : undefined;
    if (visible && value?.type === 'document') documents.push({ label: field.label, documentType: value.documentType, ...(typeName ? { documentTypeName: typeName } : {}) });
  }
  const fields = Object.values(input.biometrics);
  return {
    rid, language, process: input.process, createdAt: input.createdAt,
    centre: { id: input.centreId, name: centre },
    machineId: input.machineId, operatorId: input.operators.officerId,
    demographics, documents, firstLanguage: input.langCodes[0],
    biometrics: { captured: [...new Set(fields.flatMap((f) => f.captures.map((c) => c.attribute)))], exceptions: [...new Set(fields.flatMap((f) => f.exceptions.map((e) => e.attribute)))] },
  };
}

/** A composed value the input model refuses (e.g. an empty document): named by its field. */
function inputIssue(path: readonly PropertyKey[], message: string): FieldIssue {
  const fieldId = typeof path[1] === 'string' ? path[1] : path.map(String).join('.');
  return { fieldId, rule: 'required', message: { eng: message } };
}
