import type { SubmitResult } from '../../../../schemas/api/registrationApi';
import { AppError } from '../../../../schemas/errors';
import type { PacketBuildProgress, PacketBuildRequest } from '../../../../schemas/packet';
import type { RegistrationInput } from '../../../../schemas/registration';
import type { FieldIssue } from '../../../../schemas/registrationForm';
import type { TrustStore } from '../../../../native/sbi/TrustStore';
import type { AuditLog } from '../../audit/AuditLog';
import { getDraftDocument } from '../../db/repos/drafts';
import { insertPacketSummary } from '../../db/repos/packetSummaries';
import type { PacketService } from '../../packets/PacketService';
import { RECEIPT_LANGUAGES } from '../ackReceiptText';
import { completeSummary, composeReviewSummary } from '../review/composeReviewSummary';
import { authenticateSubmission, type OperatorAuthenticator } from './authenticateSubmission';
import { prepareDraft, reverifyCaptures, type PrepareDraftDeps } from './prepareDraft';
import { hasBiometricExceptions, type Reviewer } from './reviewerAuthentication';
import { ridSyncContact } from './ridSyncContact';
import { submitReceipt } from './submitReceipt';

/** Builds a packet: the app's PacketService. */
export type DraftPacketBuilder = Pick<PacketService, 'build'>;

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

/** What preparing a draft reads (db, clock, identity, drafts, biometrics, bundles), and the rest of a submission. */
export interface DraftSubmitterDeps extends PrepareDraftDeps {
  readonly audit: AuditLog;
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

/**
 * Validation and submission of a draft: the registration is composed from the stored draft (never
 * from the page), checked against the spec and the ID schema (prepareDraft), the operator
 * authenticates (`packet_auth`, authenticateSubmission), it is built into a packet, and the draft
 * is deleted in the packet's commit, where the supervisor's review summary is stored; any failure
 * before that keeps the draft. Then the receipt (submitReceipt).
 *
 * Supervisor at registration: MOSIP 1.2 asks a second user to authenticate (`exception_auth`) only
 * when the registration has biometric exceptions and `mosip.registration.reviewer_authentication_configuration`
 * is Y (registration-client AuthenticationController#loadNextScreen; its isValidReviewer only checks
 * that the user exists and is not the operator). Here the setting `reviewerAuthentication` (default
 * on) plays that part, and the reviewer must also hold REGISTRATION_SUPERVISOR — stricter than MOSIP,
 * since an exception is how a resident escapes biometric de-duplication. Without a reviewer the
 * packet says supervisorId null / supervisorPassword false; end-of-day approval (PacketApprovalService,
 * `eod_auth`) is recorded in the outbox and the RID sync (supervisorStatus, supervisorComment), never
 * written into a packet already signed.
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
    const { input, issues } = prepareDraft(this.#d, operatorId, draftId);
    return { issues, reviewerRequired: input !== undefined && this.reviewerRequired(input) };
  }

  /**
   * Checks the draft, authenticates the operator (MOSIP `packet_auth`), then builds. Nothing is
   * built and the draft is kept unless the password is the session operator's own; a first
   * progress event (`validate`, 0) tells the page the authentication passed. Aborting `signal`
   * stops the build (ERR_PACKET_BUILD_CANCELLED): no packet, and the draft is kept.
   * @throws AppError ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED, ERR_REG_DRAFT_INCOMPLETE (both checked
   *   before the password, so a draft that cannot be built costs no attempt), ERR_REG_REVIEWER_REQUIRED,
   *   ERR_REG_REVIEWER_IS_OPERATOR, ERR_REG_REVIEWER_NOT_SUPERVISOR (also before any password),
   *   ERR_REG_OPERATOR_AUTH_FAILED, ERR_REG_REVIEWER_AUTH_FAILED, ERR_REG_REVIEWER_LOCKED,
   *   ERR_AUTH_LOCKED, ERR_AUTH_OPERATOR_INACTIVE, ERR_REG_DRAFT_BUSY, ERR_REG_DRAFT_*, ERR_PACKET_*
   */
  async submit(request: SubmitRequest, onProgress: (p: PacketBuildProgress) => void, signal?: AbortSignal): Promise<SubmitResult> {
    const { draftId } = request;
    if (this.#building.has(draftId)) throw new AppError('ERR_REG_DRAFT_BUSY', { draftId });
    this.#building.add(draftId);
    try {
      return await this.#submit(request, onProgress, signal);
    } finally {
      this.#building.delete(draftId);
    }
  }

  async #submit({ operatorId, draftId, receiptLanguage, password, reviewer }: SubmitRequest, onProgress: (p: PacketBuildProgress) => void, signal: AbortSignal | undefined): Promise<SubmitResult> {
    const d = this.#d;
    if (!(RECEIPT_LANGUAGES as readonly string[]).includes(receiptLanguage)) throw new AppError('ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED', { language: receiptLanguage });
    const { form, input: checked, issues, series } = prepareDraft(d, operatorId, draftId);
    const first = issues[0];
    if (first || !checked) throw new AppError('ERR_REG_DRAFT_INCOMPLETE', { draftId, count: issues.length, fieldId: first?.fieldId ?? '(registration)', rule: first?.rule ?? 'required' });
    // before any password: a capture that no longer verifies can never be built, so it costs no attempt
    reverifyCaptures(d.audit, d.captureTrust(), draftId, series);
    const summary = await composeReviewSummary({ form, series, document: (storageId) => getDraftDocument(d.db, draftId, storageId), officerId: operatorId, createdAt: checked.createdAt });
    const input = await authenticateSubmission({ ...d, operatorId, draftId, password, reviewer, reviewerRequired: this.reviewerRequired(checked) }, checked);
    onProgress({ draftId, stage: 'validate', fraction: 0 });
    // typed since prepareDraft parsed it: the packet engine takes it as it is
    const request: PacketBuildRequest = {
      draftId, actor: operatorId, registration: input, idSchema: form.bundle.idSchema,
      syncContact: ridSyncContact(form.spec.screens.flatMap((sc) => sc.fields), input.demographics, input.langCodes[0]!),
    };
    const packet = await d.packets.build(request, {
      ...(signal ? { signal } : {}),
      onProgress,
      // In the packet's own commit: never a packet without its summary, nor a summary (or a
      // draft that could be submitted twice) without its packet, whenever the process stops.
      inCommit: (committed) => {
        insertPacketSummary(d.db, { packet_id: committed.packetId, rid: committed.rid, json: JSON.stringify(completeSummary(summary, committed)), created_at: input.createdAt });
        d.drafts.remove(draftId);
      },
    });
    d.audit.append('DRAFT_SUBMITTED', operatorId, { draftId, rid: packet.rid, packetId: packet.packetId });
    if (input.preRegistrationId) d.onPreRegistrationUsed?.(input.preRegistrationId, operatorId);
    return { packet, ...(await submitReceipt(d.db, form, input, packet.rid, receiptLanguage)) };
  }

  /** Whether a supervisor must review this registration: it has biometric exceptions and the setting is on. */
  reviewerRequired(input: Pick<RegistrationInput, 'biometrics'>): boolean {
    return (this.#d.reviewerAuthentication?.() ?? true) && hasBiometricExceptions(input);
  }
}
