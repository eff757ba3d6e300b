import type { SubmitResult } from '../../../../schemas/api/registrationApi';
import type { AckReceiptInput } from '../../../../schemas/ackReceipt';
import { AppError } from '../../../../schemas/errors';
import type { MachineIdentity } from '../../../../schemas/machine';
import type { PacketBuildProgress, PacketBuildResult } from '../../../../schemas/packet';
import { RegistrationInput } from '../../../../schemas/registration';
import type { FieldIssue } from '../../../../schemas/registrationForm';
import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { getDraftDocument, listDraftCaptures } from '../../db/repos/drafts';
import { buildAckReceipt } from '../ackReceipt';
import { RECEIPT_LANGUAGES } from '../ackReceiptText';
import type { FormBundleService } from '../FormBundleService';
import { seriesFromRows } from './captureSeries';
import { composeRegistration } from './composeRegistration';
import type { DraftBiometrics } from './DraftBiometrics';
import { draftForm, resolveCode, type DraftForm } from './draftForm';
import type { DraftService } from './DraftService';
import { schemaIssues, specIssues } from './validateDraft';

/** Builds a packet (DataDirPacketBuilder.build with the form's ID schema). */
export interface DraftPacketBuilder {
  build(draftId: string, input: unknown, actor: string, onProgress?: (p: PacketBuildProgress) => void, options?: { idSchema?: unknown }): Promise<PacketBuildResult>;
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
  /** a prefilled draft's PRID after its packet is committed (PreRegistrationService.consume) */
  readonly onPreRegistrationUsed?: (prid: string, operatorId: string) => void;
}

/** A draft ready for the packet engine, and what checking it found. */
interface Prepared {
  readonly form: DraftForm;
  /** undefined when the composed registration does not even parse (its issues say why) */
  readonly input: RegistrationInput | undefined;
  readonly issues: FieldIssue[];
}

/**
 * Validation and submission of a draft: the registration is composed from the stored draft (never
 * from the page), checked against the spec and the ID schema, built into a packet, and the draft is
 * deleted only once the packet is committed; any failure before that keeps it.
 */
export class DraftSubmitter {
  readonly #d: DraftSubmitterDeps;
  /** drafts being built now: a second submit (double click, second window) must not make a second packet */
  readonly #building = new Set<string>();

  constructor(deps: DraftSubmitterDeps) {
    this.#d = deps;
  }

  /** @throws AppError ERR_REG_DRAFT_*, ERR_REG_RULE_*, ERR_REG_DOCUMENT_NOT_ATTACHED */
  validate(operatorId: string, draftId: string): FieldIssue[] {
    return this.#prepare(operatorId, draftId).issues;
  }

  /**
   * @throws AppError ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED (checked before anything is built),
   *   ERR_REG_DRAFT_INCOMPLETE, ERR_REG_DRAFT_BUSY, ERR_REG_DRAFT_*, ERR_PACKET_*
   */
  async submit(operatorId: string, draftId: string, receiptLanguage: string, onProgress: (p: PacketBuildProgress) => void): Promise<SubmitResult> {
    if (this.#building.has(draftId)) throw new AppError('ERR_REG_DRAFT_BUSY', { draftId });
    this.#building.add(draftId);
    try {
      return await this.#submit(operatorId, draftId, receiptLanguage, onProgress);
    } finally {
      this.#building.delete(draftId);
    }
  }

  async #submit(operatorId: string, draftId: string, receiptLanguage: string, onProgress: (p: PacketBuildProgress) => void): Promise<SubmitResult> {
    if (!(RECEIPT_LANGUAGES as readonly string[]).includes(receiptLanguage)) throw new AppError('ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED', { language: receiptLanguage });
    const { form, input, issues } = this.#prepare(operatorId, draftId);
    const first = issues[0];
    if (first || !input) throw new AppError('ERR_REG_DRAFT_INCOMPLETE', { draftId, count: issues.length, fieldId: first?.fieldId ?? '(registration)', rule: first?.rule ?? 'required' });
    const packet = await this.#d.packets.build(draftId, input, operatorId, onProgress, { idSchema: form.bundle.idSchema });
    // committed: from here the packet is the registration, and a kept draft could be submitted twice
    this.#d.drafts.remove(draftId);
    this.#d.audit.append('DRAFT_SUBMITTED', operatorId, { draftId, rid: packet.rid, packetId: packet.packetId });
    if (input.preRegistrationId) this.#d.onPreRegistrationUsed?.(input.preRegistrationId, operatorId);
    const receipt = await buildAckReceipt(receiptInput(form, input, packet.rid, receiptLanguage));
    return { packet, receiptPdfBase64: Buffer.from(receipt).toString('base64') };
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
      centreId: this.#d.identity.centreId,
      machineId: this.#d.identity.machineId,
      createdAt: this.#d.clock.now(),
      operators: { officerId: operatorId, officerPassword: true },
    });
    if (!parsed.success) return { form, input: undefined, issues: [...issues, ...parsed.error.issues.map((i) => inputIssue(i.path, i.message))] };
    const input = parsed.data;
    return { form, input, issues: [...issues, ...schemaIssues(input, resolved.bundle.idSchema, issues, resolved.bundle.messages)] };
  }
}

/** The receipt: labels from the spec, values resolved per language, what was captured. */
function receiptInput(form: DraftForm, input: RegistrationInput, rid: string, language: string): AckReceiptInput {
  const demographics: AckReceiptInput['demographics'] = [];
  const documents: AckReceiptInput['documents'] = [];
  for (const { field, visible } of form.fields) {
    const value = form.draft.values[field.id];
    if (!visible || !value) continue;
    if (value.type === 'text' && value.value.trim() !== '') demographics.push({ label: field.label, value: value.value });
    if (value.type === 'localized' && Object.values(value.values).some((v) => v.trim() !== '')) demographics.push({ label: field.label, value: { ...value.values } });
    if (value.type === 'code' && value.code !== '') demographics.push({ label: field.label, value: resolveCode(form, field, value.code) });
    if (value.type === 'document') documents.push({ label: field.label, documentType: value.documentType });
  }
  const fields = Object.values(input.biometrics);
  return {
    rid, language, process: input.process, createdAt: input.createdAt,
    // the centre's name is not synced into this store yet: the id stands in for it
    centre: { id: input.centreId, name: input.centreId },
    machineId: input.machineId, operatorId: input.operators.officerId,
    demographics, documents,
    biometrics: { captured: [...new Set(fields.flatMap((f) => f.captures.map((c) => c.attribute)))], exceptions: [...new Set(fields.flatMap((f) => f.exceptions.map((e) => e.attribute)))] },
  };
}

/** A composed value the input model refuses (e.g. an empty document): named by its field. */
function inputIssue(path: readonly PropertyKey[], message: string): FieldIssue {
  const fieldId = typeof path[1] === 'string' ? path[1] : path.map(String).join('.');
  return { fieldId, rule: 'required', message: { eng: message } };
}
