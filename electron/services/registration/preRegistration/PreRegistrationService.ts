import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { AppError, errorSpec, isAppError } from '../../../../schemas/errors';
import { PRID_PATTERN, PreRegIdJson, type PreRegistrationApplied } from '../../../../schemas/preRegistration';
import type { FormFieldValue, FormValues, RegistrationDraft } from '../../../../schemas/registrationForm';
import { deleteDraftDocumentsOfField } from '../../db/repos/drafts';
import { consumePreRegistration, deleteStalePreRegistrations, getPreRegistration, putPreRegistration } from '../../db/repos/preRegistrations';
import { getConfigValue } from '../../db/repos/syncConfig';
import { unzipEntries } from '../../packets/unzipEntries';
import type { DownloadedPreRegistration } from '../../sync/PreRegistrationClient';
import { documentToPdf } from '../documentToPdf';
import type { DraftDocuments } from '../drafts/DraftDocuments';
import type { DraftWorkDeps } from '../drafts/DraftWorkDeps';
import { mapPreRegIdentity } from './mapPreRegIdentity';

/** The server side it needs (PreRegistrationClient); absent when no server is configured. */
export interface PreRegistrationSource {
  listIds(centreId: string, fromDate: string, toDate: string, signal?: AbortSignal): Promise<Readonly<Record<string, string | null>>>;
  fetch(prid: string, signal?: AbortSignal): Promise<DownloadedPreRegistration>;
}

export interface PreRegistrationServiceDeps extends DraftWorkDeps {
  readonly documents: DraftDocuments;
  readonly centreId: string;
  readonly source: () => PreRegistrationSource | undefined;
}

/** MOSIP config keys (incumbent-java-client.md §2.3) and their 1.2 defaults. */
export const RETAIN_KEY = 'mosip.registration.fields.to.retain.post.prid.fetch';
export const DAYS_LIMIT_KEY = 'mosip.registration.pre_reg_no_of_days_limit';
export const DELETION_DAYS_KEY = 'mosip.registration.pre_reg_deletion_configured_days';
const DEFAULT_RETAIN = 'consent,consentText,preferredLang';
const DAY = 86_400_000;

/** ERR_SYNC_REJECTED codes that mean "no such application" (PRG_PAM_APP_005 passes through datasync). */
const NOT_FOUND = new Set(['PRG_PAM_APP_005', 'PRG_DATA_SYNC_004', 'PRG_DATA_SYNC_007']);

/**
 * Pre-registration: the centre's applications downloaded with the down-sync for offline use, a PRID
 * fetched on demand when online, its application mapped into a draft (documents converted through
 * the document path), the PRID consumed after packet creation and stale downloads deleted. Every
 * step is audited; no step changes a draft until everything it needs has been read and converted.
 */
export class PreRegistrationService {
  readonly #d: PreRegistrationServiceDeps;

  constructor(deps: PreRegistrationServiceDeps) {
    this.#d = deps;
  }

  /**
   * Fetches the application (local first, then the server) and prefills the draft with it: captured
   * values are cleared except the retained fields (consent, preferred language) and biometrics.
   * @throws AppError ERR_REG_PREREG_INVALID_ID, ERR_REG_PREREG_NOT_IN_FORM, ERR_REG_PREREG_USED,
   *   ERR_REG_PREREG_UNKNOWN, ERR_REG_PREREG_OFFLINE, ERR_REG_PREREG_MALFORMED, ERR_REG_DRAFT_*,
   *   ERR_REG_DOCUMENT_TOO_LARGE
   */
  async apply(operatorId: string, draftId: string, prid: string): Promise<{ draft: RegistrationDraft; applied: PreRegistrationApplied }> {
    const id = prid.trim();
    if (!PRID_PATTERN.test(id)) throw new AppError('ERR_REG_PREREG_INVALID_ID', { prid: id.slice(0, 40) });
    const { draft } = this.#d.drafts.owned(operatorId, draftId);
    const spec = this.#d.bundles.spec(this.#d.bundles.current().bundle, draft.process);
    if (!spec.screens.some((s) => s.preRegFetchRequired === true)) throw new AppError('ERR_REG_PREREG_NOT_IN_FORM', { process: draft.process });
    const { zip, source } = await this.#load(operatorId, id);
    const { identity, entries } = await readZip(id, zip);
    const fields = spec.screens.flatMap((s) => s.fields);
    const retained = new Set(this.#config(RETAIN_KEY, DEFAULT_RETAIN).split(',').map((s) => s.trim()).filter(Boolean));
    const mapped = mapPreRegIdentity({ identity, fields, languages: draft.languages, masterData: this.#d.bundles.current().bundle.masterData, retained });
    const documents = await Promise.all(mapped.documents.map(async ({ fieldId, ref }) => {
      const field = fields.find((f) => f.id === fieldId)!;
      const entry = [...entries.keys()].find((name) => name === ref.value || name.slice(0, name.length - extname(name).length) === ref.value);
      if (!entry) throw new AppError('ERR_REG_PREREG_MALFORMED', { prid: id, reason: `document ${ref.value} of ${fieldId} is not in the zip` });
      const pdf = await documentToPdf([{ name: entry, bytes: entries.get(entry)! }], { documentName: field.label[draft.languages[0]!] ?? fieldId, maxBytes: this.#d.documents.maxBytes() });
      const value: Extract<FormFieldValue, { type: 'document' }> = {
        type: 'document', documentType: ref.type ?? field.subType ?? fieldId, format: 'pdf', refNumber: ref.refNumber ?? null,
        storageId: randomUUID(), sizeBytes: pdf.bytes.length, pageCount: pdf.pageCount,
      };
      return { fieldId, value, bytes: Buffer.from(pdf.bytes) };
    }));
    const kept: FormValues = Object.fromEntries(Object.entries(draft.values).filter(([fieldId, v]) => retained.has(fieldId) || v.type === 'biometrics'));
    const next = this.#d.db.transaction(() => {
      for (const f of fields) if (f.controlType === 'fileupload') deleteDraftDocumentsOfField(this.#d.db, draftId, f.id);
      this.#d.drafts.replaceValues(draftId, { ...kept, ...mapped.values }, id);
      for (const d of documents) this.#d.documents.store(draftId, d.fieldId, d.value, d.bytes);
      return this.#d.drafts.get(operatorId, draftId);
    })();
    const prefilledFields = [...Object.keys(mapped.values), ...documents.map((d) => d.fieldId)];
    this.#d.audit.append('PREREG_APPLIED', operatorId, { draftId, prid: id, source, fields: prefilledFields.length, documents: documents.length });
    return { draft: next, applied: { prid: id, source, prefilledFields, ignoredFields: [...mapped.ignored] } };
  }

  /** After the packet is committed: the application is deleted and its PRID refused from now on. */
  consume(prid: string, actor: string): void {
    consumePreRegistration(this.#d.db, prid, this.#d.clock.now());
    this.#d.audit.append('PREREG_CONSUMED', actor, { prid });
  }

  /**
   * The down-sync job (MOSIP PDS_J00003): the centre's applications for today and the next
   * `pre_reg_no_of_days_limit` days, each downloaded unless unchanged since the last download; then
   * the clean-up. Returns how many were downloaded.
   * @throws AppError ERR_SYNC_* from the list call (one application failing is recorded, not thrown)
   */
  async downloadForCentre(signal?: AbortSignal): Promise<number> {
    const source = this.#d.source();
    if (!source) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address' });
    const now = this.#d.clock.now();
    const days = positive(this.#config(DAYS_LIMIT_KEY, '7'), 7);
    const ids = await source.listIds(this.#d.centreId, isoDate(now), isoDate(now + days * DAY), signal);
    let downloaded = 0;
    const failed: { prid: string; code: string }[] = [];
    for (const [prid, updatedAt] of Object.entries(ids)) {
      const known = getPreRegistration(this.#d.db, prid);
      if (known?.consumedAt != null || (known?.zip && updatedAt !== null && known.serverUpdatedAt === updatedAt)) continue;
      try {
        const app = await source.fetch(prid, signal);
        if (putPreRegistration(this.#d.db, { ...app, serverUpdatedAt: updatedAt, downloadedAt: this.#d.clock.now() })) downloaded++;
      } catch (err) {
        if (!isAppError(err)) throw err;
        failed.push({ prid, code: err.code });
      }
    }
    this.#d.audit.append('PREREG_DOWNLOADED', null, { listed: Object.keys(ids).length, downloaded, failed });
    this.cleanup();
    return downloaded;
  }

  /** MOSIP DEL_J00013: unused applications whose appointment is over by the configured days are deleted. */
  cleanup(): string[] {
    const now = this.#d.clock.now();
    const days = positive(this.#config(DELETION_DAYS_KEY, '1'), 1);
    const deleted = deleteStalePreRegistrations(this.#d.db, isoDate(now - days * DAY), now - days * DAY);
    if (deleted.length > 0) this.#d.audit.append('PREREG_DELETED', null, { count: deleted.length });
    return deleted;
  }

  async #load(operatorId: string, prid: string): Promise<{ zip: Buffer; source: 'local' | 'server' }> {
    const local = getPreRegistration(this.#d.db, prid);
    if (local?.consumedAt != null) throw new AppError('ERR_REG_PREREG_USED', { prid });
    if (local?.zip) return { zip: local.zip, source: 'local' };
    const source = this.#d.source();
    if (!source) throw new AppError('ERR_REG_PREREG_OFFLINE', { prid, reason: 'ERR_SYNC_NOT_CONFIGURED' });
    try {
      const app = await source.fetch(prid);
      putPreRegistration(this.#d.db, { ...app, serverUpdatedAt: null, downloadedAt: this.#d.clock.now() });
      this.#d.audit.append('PREREG_FETCHED', operatorId, { prid });
      return { zip: app.zip, source: 'server' };
    } catch (err) {
      if (!isAppError(err)) throw err;
      this.#d.audit.append('PREREG_FETCH_FAILED', operatorId, { prid, code: err.code });
      if (err.is('ERR_SYNC_REJECTED') && NOT_FOUND.has(err.details.errorCode)) throw new AppError('ERR_REG_PREREG_UNKNOWN', { prid, errorCode: err.details.errorCode }, { cause: err });
      // "cannot reach the server now": the catalogue's `offline`
      if (errorSpec(err.code).offline) throw new AppError('ERR_REG_PREREG_OFFLINE', { prid, reason: err.code }, { cause: err });
      if (err.is('ERR_SYNC_DECRYPT_FAILED')) throw new AppError('ERR_REG_PREREG_MALFORMED', { prid, reason: 'the application cannot be decrypted with this machine key' }, { cause: err });
      throw err;
    }
  }

  #config(key: string, fallback: string): string {
    return getConfigValue(this.#d.db, key) ?? fallback;
  }
}

/** The zip's `ID.json` identity and every entry. */
async function readZip(prid: string, zip: Buffer): Promise<{ identity: Readonly<Record<string, unknown>>; entries: Map<string, Buffer> }> {
  let entries: Map<string, Buffer>;
  try {
    entries = await unzipEntries(zip);
  } catch (cause) {
    if (isAppError(cause)) throw cause; // a zip past the limits (a bomb) says which limit
    throw new AppError('ERR_REG_PREREG_MALFORMED', { prid, reason: 'the application is not a readable zip' }, { cause });
  }
  const idJson = entries.get('ID.json');
  if (!idJson) throw new AppError('ERR_REG_PREREG_MALFORMED', { prid, reason: 'ID.json is missing' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(idJson.toString('utf8'));
  } catch (cause) {
    throw new AppError('ERR_REG_PREREG_MALFORMED', { prid, reason: 'ID.json is not JSON' }, { cause });
  }
  const result = PreRegIdJson.safeParse(parsed);
  if (!result.success) throw new AppError('ERR_REG_PREREG_MALFORMED', { prid, reason: 'ID.json has no identity object' });
  return { identity: result.data.identity, entries };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function positive(text: string, fallback: number): number {
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
