import { randomUUID } from 'node:crypto';
import type { UploadedFile } from '../../../../schemas/api/registrationApi';
import { AppError } from '../../../../schemas/errors';
import type { FormFieldValue } from '../../../../schemas/registrationForm';
import type { UiField } from '../../../../schemas/uiSpec';
import { deleteDraftDocumentsOfField, insertDraftDocument, updateDraftDocumentDescription } from '../../db/repos/drafts';
import { getConfigValue } from '../../db/repos/syncConfig';
import { documentToPdf } from '../documentToPdf';
import type { DraftWorkDeps } from './DraftWorkDeps';

/** `mosip.registration.document_size`, bytes (incumbent-java-client.md §2.4: 2,000,000). */
export const DOCUMENT_SIZE_KEY = 'mosip.registration.document_size';
export const DEFAULT_DOCUMENT_MAX_BYTES = 2_000_000;

export type DraftDocumentsDeps = DraftWorkDeps;

export interface AttachDocumentInput {
  readonly draftId: string;
  readonly fieldId: string;
  readonly documentType: string;
  readonly refNumber: string | null;
  readonly files: readonly UploadedFile[];
}

/** What the operator may change of an attached document without scanning it again. */
export interface DescribeDocumentInput {
  readonly draftId: string;
  readonly fieldId: string;
  readonly documentType: string;
  readonly refNumber: string | null;
}

/** The spec field of a process, checked to be of the expected control type. */
export function formField(fields: readonly UiField[], fieldId: string, controlType: 'fileupload' | 'biometrics'): UiField {
  const field = fields.find((f) => f.id === fieldId);
  if (field?.controlType !== controlType) throw new AppError('ERR_REG_FIELD_NOT_IN_FORM', { fieldId, expected: controlType });
  return field;
}

/**
 * Scanned or chosen files become one size-checked PDF held in the encrypted store; the page gets
 * only the field value that refers to it. A new document for a field replaces the old one.
 */
export class DraftDocuments {
  readonly #d: DraftDocumentsDeps;

  constructor(deps: DraftDocumentsDeps) {
    this.#d = deps;
  }

  /** The configured limit (synced config), else MOSIP's default. */
  maxBytes(): number {
    const configured = Number(getConfigValue(this.#d.db, DOCUMENT_SIZE_KEY));
    return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_DOCUMENT_MAX_BYTES;
  }

  /**
   * @throws AppError ERR_REG_DRAFT_*, ERR_REG_FIELD_NOT_IN_FORM, ERR_REG_DOCUMENT_TOO_LARGE,
   *   ERR_REG_DOCUMENT_UNSUPPORTED_FORMAT, ERR_REG_DOCUMENT_UNREADABLE, ERR_REG_DOCUMENT_TOO_MANY_PIXELS,
   *   ERR_REG_DOCUMENT_IMAGE_TRUNCATED, ERR_REG_DOCUMENT_IMAGE_CORRUPT (nothing is stored then)
   */
  async attach(operatorId: string, input: AttachDocumentInput): Promise<FormFieldValue> {
    const { draft } = this.#d.drafts.owned(operatorId, input.draftId);
    const { bundle } = this.#d.bundles.current();
    const spec = this.#d.bundles.spec(bundle, draft.process);
    const field = formField(spec.screens.flatMap((s) => s.fields), input.fieldId, 'fileupload');
    const documentName = field.label[draft.languages[0]!] ?? field.id;
    const files = input.files.map((f) => ({ name: f.name, bytes: decodeBase64(f) }));
    const pdf = await documentToPdf(files, { documentName, maxBytes: this.maxBytes() });
    const bytes = Buffer.from(pdf.bytes);
    const value: FormFieldValue = {
      type: 'document', documentType: input.documentType, format: 'pdf', refNumber: input.refNumber,
      storageId: randomUUID(), sizeBytes: bytes.length, pageCount: pdf.pageCount,
    };
    this.store(input.draftId, input.fieldId, value, bytes);
    this.#d.audit.append('DRAFT_DOCUMENT_ATTACHED', operatorId, { draftId: input.draftId, fieldId: input.fieldId, sizeBytes: bytes.length, pages: pdf.pageCount });
    return value;
  }

  /**
   * Sets the type and reference number of the document the field holds: the draft is the one place
   * they live, so a number typed after attaching survives navigation and reaches the packet.
   * @throws AppError ERR_REG_DRAFT_*, ERR_REG_FIELD_NOT_IN_FORM, ERR_REG_DOCUMENT_NOT_ATTACHED
   */
  describe(operatorId: string, input: DescribeDocumentInput): FormFieldValue {
    const { draft } = this.#d.drafts.owned(operatorId, input.draftId);
    const spec = this.#d.bundles.spec(this.#d.bundles.current().bundle, draft.process);
    formField(spec.screens.flatMap((s) => s.fields), input.fieldId, 'fileupload');
    const current = draft.values[input.fieldId];
    if (current?.type !== 'document') throw new AppError('ERR_REG_DOCUMENT_NOT_ATTACHED', { fieldId: input.fieldId });
    const refNumber = input.refNumber?.trim() || null;
    const value: FormFieldValue = { ...current, documentType: input.documentType, refNumber };
    this.#d.db.transaction(() => {
      updateDraftDocumentDescription(this.#d.db, input.draftId, current.storageId, input.documentType, refNumber);
      this.#d.drafts.setValue(input.draftId, input.fieldId, value);
    })();
    this.#d.audit.append('DRAFT_DOCUMENT_DESCRIBED', operatorId, { draftId: input.draftId, fieldId: input.fieldId, documentType: input.documentType, hasRefNumber: refNumber !== null });
    return value;
  }

  /** Stores a document's bytes (replacing the field's previous one) and sets the field value. */
  store(draftId: string, fieldId: string, value: Extract<FormFieldValue, { type: 'document' }>, bytes: Buffer): void {
    this.#d.db.transaction(() => {
      deleteDraftDocumentsOfField(this.#d.db, draftId, fieldId);
      insertDraftDocument(this.#d.db, {
        storageId: value.storageId, draftId, fieldId, documentType: value.documentType, format: value.format,
        refNumber: value.refNumber, bytes, createdAt: this.#d.clock.now(),
      });
      this.#d.drafts.setValue(draftId, fieldId, value);
    })();
  }
}

function decodeBase64(file: UploadedFile): Buffer {
  const bytes = Buffer.from(file.base64, 'base64');
  // Buffer.from ignores junk silently; a length mismatch means the page sent something else
  if (bytes.length === 0 || bytes.toString('base64').replace(/=+$/, '') !== file.base64.replace(/=+$/, '')) {
    throw new AppError('ERR_REG_DOCUMENT_UNREADABLE', { name: file.name, reason: 'not standard base64' });
  }
  return bytes;
}
