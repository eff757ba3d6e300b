import type { BirthRecordApplied } from '../../../../schemas/birthCertificateQr';
import { AppError } from '../../../../schemas/errors';
import type { RegistrationDraft } from '../../../../schemas/registrationForm';
import type { AuditLog } from '../../audit/AuditLog';
import type { FormBundleService } from '../FormBundleService';
import type { DraftService } from '../drafts/DraftService';
import { birthRecordValues, parseBirthQr } from './parseBirthQr';

export interface BirthRecordServiceDeps {
  readonly audit: AuditLog;
  readonly drafts: DraftService;
  readonly bundles: FormBundleService;
}

/** The spec field that marks a process as taking a birth record (CRVS_NEW's BirthRecord screen). */
export const BIRTH_RECORD_FIELD = 'birthCertificateNumber';

/**
 * A birth certificate's QR, read by the centre's scanner, prefills a CRVS_NEW draft: the birth
 * record, the child and the parent as introducer. Values it does not carry (consent, the
 * parent's biometrics, an address typed already) are kept; the parent's other identifier is
 * cleared so the draft never names two introducers.
 */
export class BirthRecordService {
  readonly #d: BirthRecordServiceDeps;

  constructor(deps: BirthRecordServiceDeps) {
    this.#d = deps;
  }

  /**
   * @throws AppError ERR_REG_BIRTH_QR_INVALID, ERR_REG_BIRTH_QR_NOT_IN_FORM, ERR_REG_DRAFT_*
   */
  apply(operatorId: string, draftId: string, text: string): { draft: RegistrationDraft; applied: BirthRecordApplied } {
    const { draft } = this.#d.drafts.owned(operatorId, draftId);
    const spec = this.#d.bundles.spec(this.#d.bundles.current().bundle, draft.process);
    const fieldIds = new Set(spec.screens.flatMap((s) => s.fields.map((f) => f.id)));
    if (!fieldIds.has(BIRTH_RECORD_FIELD)) throw new AppError('ERR_REG_BIRTH_QR_NOT_IN_FORM', { process: draft.process });
    const qr = parseBirthQr(text.trim());
    const mapped = Object.fromEntries(Object.entries(birthRecordValues(qr, draft.languages)).filter(([id]) => fieldIds.has(id)));
    const kept = { ...draft.values };
    delete kept[qr.parent.uin ? 'introducerRID' : 'introducerUIN'];
    this.#d.drafts.replaceValues(draftId, { ...kept, ...mapped }, draft.preRegistrationId ?? null);
    const prefilledFields = Object.keys(mapped);
    this.#d.audit.append('BIRTH_RECORD_APPLIED', operatorId, { draftId, birthCertificateNumber: qr.birthCertificateNumber, fields: prefilledFields.length });
    return { draft: this.#d.drafts.get(operatorId, draftId), applied: { birthCertificateNumber: qr.birthCertificateNumber, prefilledFields } };
  }
}
