import { randomUUID } from 'node:crypto';
import type { DraftSummary } from '../../../../schemas/api/registrationApi';
import { AppError } from '../../../../schemas/errors';
import type { RegistrationProcess } from '../../../../schemas/registration';
import { RegistrationDraft, type FormFieldValue, type FormValues } from '../../../../schemas/registrationForm';
import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import type { FormBundleService } from '../FormBundleService';
import { deleteDraft, getDraftRow, insertDraft, pageDraftRows, updateDraftJson, type DraftRow } from '../../db/repos/drafts';
import type { Page, PageRequest } from '../../../../schemas/paging';

/** Refuses a new registration when an offline limit is hit (OfflineLimitsService). */
export interface RegistrationGate {
  assertCanRegister(): void;
}

export interface DraftServiceDeps {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly gate: RegistrationGate;
  /** the forms in force: a draft is only created for a process they have a spec for */
  readonly bundles: FormBundleService;
}

/** A stored draft with its row (owner, hash chain). */
export interface OwnedDraft {
  readonly row: DraftRow;
  readonly draft: RegistrationDraft;
}

/** Fields whose name is shown in the drafts list, in order of preference (MOSIP sample and STP specs). */
const NAME_FIELDS = ['fullName', 'firstName', 'middleName', 'lastName'] as const;

/**
 * Registrations in progress, one operator's each. The page's autosave replaces the form values;
 * document and biometric values are the back end's (written by attachDocument/captureBiometrics),
 * so a late autosave of an older page state cannot drop a capture.
 */
export class DraftService {
  readonly #d: DraftServiceDeps;

  constructor(deps: DraftServiceDeps) {
    this.#d = deps;
  }

  /**
   * @throws AppError ERR_SYNC_LIMIT_* when an offline limit freezes registration,
   *   ERR_REG_FORM_BUNDLE_INVALID when the forms in force have no spec for the process
   */
  create(operatorId: string, input: Readonly<{ process: RegistrationProcess; languages: readonly string[] }>): RegistrationDraft {
    this.#d.gate.assertCanRegister();
    this.#d.bundles.spec(this.#d.bundles.current().bundle, input.process);
    const now = this.#d.clock.now();
    const draft: RegistrationDraft = {
      version: 1, draftId: randomUUID(), process: input.process, languages: [...input.languages], selectedGroups: [],
      values: {}, screenIndex: 0, reachedScreenIndex: 0, savedAt: now,
    };
    insertDraft(this.#d.db, { draftId: draft.draftId, operatorId, process: draft.process, json: JSON.stringify(draft), hashChain: '', createdAt: now, savedAt: now });
    this.#d.audit.append('DRAFT_CREATED', operatorId, { draftId: draft.draftId, process: draft.process });
    return draft;
  }

  /**
   * The stored draft, if it is this operator's.
   * @throws AppError ERR_REG_DRAFT_NOT_FOUND, ERR_REG_DRAFT_NOT_OWNER, ERR_REG_DRAFT_UNREADABLE
   */
  owned(operatorId: string, draftId: string): OwnedDraft {
    const row = getDraftRow(this.#d.db, draftId);
    if (!row) throw new AppError('ERR_REG_DRAFT_NOT_FOUND', { draftId });
    if (row.operatorId !== operatorId) throw new AppError('ERR_REG_DRAFT_NOT_OWNER', { draftId });
    return { row, draft: parseDraft(row) };
  }

  get(operatorId: string, draftId: string): RegistrationDraft {
    return this.owned(operatorId, draftId).draft;
  }

  /**
   * Autosave. The draft's version, process and languages are fixed at creation. Document and
   * biometric values are the back end's (attachDocument, describeDocument, captureBiometrics): a
   * document value the page sends is replaced by the stored one (or dropped when there is none);
   * biometric values are kept. Removing a document value (the operator deleted it) is honoured.
   * @throws AppError ERR_REG_DRAFT_*
   */
  save(operatorId: string, incoming: RegistrationDraft): { savedAt: number } {
    const { draft: stored } = this.owned(operatorId, incoming.draftId);
    const changed = incoming.version !== stored.version ? 'version'
      : incoming.process !== stored.process ? 'process'
      : incoming.languages.join() !== stored.languages.join() ? 'languages' : undefined;
    if (changed) throw new AppError('ERR_REG_DRAFT_CONFLICT', { draftId: incoming.draftId, field: changed });
    const values: FormValues = {};
    for (const [id, value] of Object.entries(incoming.values)) {
      if (value.type === 'biometrics') continue;
      // a document slot (file, type, reference number, pages) is the back end's: an older page state
      // (autosave racing an attach or a describe) or a forged reference cannot change it
      const kept = stored.values[id];
      if (value.type !== 'document') values[id] = value;
      else if (kept?.type === 'document') values[id] = kept;
    }
    for (const [id, value] of Object.entries(stored.values)) if (value.type === 'biometrics') values[id] = value;
    const savedAt = this.#d.clock.now();
    // the PRID is the back end's too (set by a pre-registration fetch): the page cannot set or drop it
    const page: RegistrationDraft = { ...incoming, values, savedAt };
    delete page.preRegistrationId;
    const next = stored.preRegistrationId ? { ...page, preRegistrationId: stored.preRegistrationId } : page;
    updateDraftJson(this.#d.db, incoming.draftId, JSON.stringify(next), savedAt);
    return { savedAt };
  }

  /** One stored value of a draft, read inside the caller's transaction (no owner check: the caller did it). */
  valueOf(draftId: string, fieldId: string): FormFieldValue | undefined {
    const row = getDraftRow(this.#d.db, draftId);
    if (!row) throw new AppError('ERR_REG_DRAFT_NOT_FOUND', { draftId });
    return parseDraft(row).values[fieldId];
  }

  /** Sets one value on the back end's side (a document or a capture); the page gets it in the reply. */
  setValue(draftId: string, fieldId: string, value: FormFieldValue): void {
    const row = getDraftRow(this.#d.db, draftId);
    if (!row) throw new AppError('ERR_REG_DRAFT_NOT_FOUND', { draftId });
    const draft = parseDraft(row);
    const savedAt = this.#d.clock.now();
    updateDraftJson(this.#d.db, draftId, JSON.stringify({ ...draft, values: { ...draft.values, [fieldId]: value }, savedAt }), savedAt);
  }

  /**
   * Replaces the draft's values wholesale and records the PRID they came from (a pre-registration
   * fetch); the caller runs it in the transaction that also stores the documents.
   */
  replaceValues(draftId: string, values: FormValues, preRegistrationId: string | null): RegistrationDraft {
    const row = getDraftRow(this.#d.db, draftId);
    if (!row) throw new AppError('ERR_REG_DRAFT_NOT_FOUND', { draftId });
    const savedAt = this.#d.clock.now();
    const draft: RegistrationDraft = { ...parseDraft(row), values, savedAt, preRegistrationId };
    updateDraftJson(this.#d.db, draftId, JSON.stringify(draft), savedAt);
    return draft;
  }

  /**
   * One page of the operator's drafts, newest first; a draft this version cannot read is listed without a name.
   * @throws AppError ERR_PAGE_CURSOR_INVALID
   */
  list(operatorId: string, request: PageRequest = {}): Page<DraftSummary> {
    const page = pageDraftRows(this.#d.db, operatorId, request);
    return { ...page, items: page.items.map((row) => this.#summary(row)) };
  }

  #summary(row: DraftRow): DraftSummary {
    const parsed = RegistrationDraft.safeParse(JSON.parse(row.json));
    const draft = parsed.success ? parsed.data : undefined;
    return {
      draftId: row.draftId,
      process: draft?.process ?? (row.process as RegistrationProcess),
      operatorId: row.operatorId,
      residentName: draft ? residentName(draft) : null,
      screenIndex: draft?.screenIndex ?? 0,
      savedAt: row.savedAt,
    };
  }

  /** Deletes the draft with its documents and captures. */
  discard(operatorId: string, draftId: string): void {
    this.owned(operatorId, draftId);
    deleteDraft(this.#d.db, draftId);
    this.#d.audit.append('DRAFT_DISCARDED', operatorId, { draftId });
  }

  /** After the packet is committed: the draft is no longer needed. */
  remove(draftId: string): void {
    deleteDraft(this.#d.db, draftId);
  }
}

function parseDraft(row: DraftRow): RegistrationDraft {
  const parsed = RegistrationDraft.safeParse(JSON.parse(row.json));
  if (!parsed.success) throw new AppError('ERR_REG_DRAFT_UNREADABLE', { draftId: row.draftId, reason: parsed.error.issues[0]?.message ?? 'invalid' });
  return parsed.data;
}

/** The resident's name as typed so far, in `language` (default: the draft's first language). */
export function residentName(draft: RegistrationDraft, language: string = draft.languages[0]!): string | null {
  const parts = NAME_FIELDS.map((id) => draft.values[id])
    .map((v) => (v?.type === 'localized' ? (v.values[language] ?? '') : v?.type === 'text' ? v.value : '').trim())
    .filter((s) => s !== '');
  return parts.length > 0 ? parts.join(' ') : null;
}
