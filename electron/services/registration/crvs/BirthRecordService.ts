import type { BirthRecordApplied, BirthRecordData } from '../../../../schemas/birthCertificateQr';
import type { CrvsRegistryAccess, CrvsRegistryClient } from '../../crvs/CrvsRegistryClient';
import { AppError } from '../../../../schemas/errors';
import type { RegistrationDraft } from '../../../../schemas/registrationForm';
import type { AuditLog } from '../../audit/AuditLog';
import type { FormBundleService } from '../FormBundleService';
import type { DraftService } from '../drafts/DraftService';
import { birthRecordValues, parseBirthQr } from './parseBirthQr';
import { registryBirthRecord } from './registryBirthRecord';

export interface BirthRecordServiceDeps {
  readonly audit: AuditLog;
  readonly drafts: DraftService;
  readonly bundles: FormBundleService;
  /** the civil registry's search (fetching a record by its number, when the deployment is online) */
  readonly registryClient?: Pick<CrvsRegistryClient, 'findBirth'>;
  /**
   * Where and as whom the registry is searched, read at each fetch.
   * @throws AppError ERR_CRVS_REGISTRY_NOT_CONFIGURED
   */
  readonly registryAccess?: () => CrvsRegistryAccess;
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
    const fieldIds = this.#formFields(operatorId, draftId);
    return this.#fill(operatorId, draftId, fieldIds, parseBirthQr(text.trim()), 'qr');
  }

  /**
   * Fetches the birth registered under `birthRegistrationNumber` from the civil registry (online)
   * and fills the draft as a QR does; nothing is filled when the registry refuses, fails or
   * answers something else. The draft is checked first, so a wrong draft costs no registry call.
   * @throws AppError ERR_CRVS_REGISTRY_*, ERR_REG_BIRTH_QR_NOT_IN_FORM, ERR_REG_DRAFT_*, ERR_CANCELLED
   */
  async fetch(operatorId: string, draftId: string, birthRegistrationNumber: string, signal?: AbortSignal): Promise<{ draft: RegistrationDraft; applied: BirthRecordApplied }> {
    const d = this.#d;
    this.#formFields(operatorId, draftId);
    if (!d.registryClient || !d.registryAccess) throw new AppError('ERR_CRVS_REGISTRY_NOT_CONFIGURED', { missing: 'civilRegistration.registry' });
    const found = await d.registryClient.findBirth(d.registryAccess(), birthRegistrationNumber, signal);
    // the draft may have changed or gone while the registry answered: checked again before filling
    return this.#fill(operatorId, draftId, this.#formFields(operatorId, draftId), registryBirthRecord(found), 'registry');
  }

  /** The ids of the draft's form fields. @throws AppError ERR_REG_BIRTH_QR_NOT_IN_FORM, ERR_REG_DRAFT_* */
  #formFields(operatorId: string, draftId: string): Set<string> {
    const { draft } = this.#d.drafts.owned(operatorId, draftId);
    const spec = this.#d.bundles.spec(this.#d.bundles.current().bundle, draft.process);
    const fieldIds = new Set(spec.screens.flatMap((s) => s.fields.map((f) => f.id)));
    if (!fieldIds.has(BIRTH_RECORD_FIELD)) throw new AppError('ERR_REG_BIRTH_QR_NOT_IN_FORM', { process: draft.process });
    return fieldIds;
  }

  #fill(operatorId: string, draftId: string, fieldIds: ReadonlySet<string>, record: BirthRecordData, source: 'qr' | 'registry'): { draft: RegistrationDraft; applied: BirthRecordApplied } {
    const { draft } = this.#d.drafts.owned(operatorId, draftId);
    const mapped = Object.fromEntries(Object.entries(birthRecordValues(record, draft.languages)).filter(([id]) => fieldIds.has(id)));
    const kept = { ...draft.values };
    // the record names one introducer: the other identifier goes, so the draft never names two
    if (record.parent) delete kept[record.parent.uin ? 'introducerRID' : 'introducerUIN'];
    this.#d.drafts.replaceValues(draftId, { ...kept, ...mapped }, draft.preRegistrationId ?? null);
    const prefilledFields = Object.keys(mapped);
    this.#d.audit.append('BIRTH_RECORD_APPLIED', operatorId, { draftId, birthCertificateNumber: record.birthCertificateNumber, fields: prefilledFields.length, source });
    return { draft: this.#d.drafts.get(operatorId, draftId), applied: { birthCertificateNumber: record.birthCertificateNumber, prefilledFields } };
  }
}
