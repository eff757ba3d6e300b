import { AppError } from '../../../../schemas/errors';
import type { MachineIdentity } from '../../../../schemas/machine';
import { RegistrationInput } from '../../../../schemas/registration';
import type { FieldIssue } from '../../../../schemas/registrationForm';
import type { Clock } from '../../../../native/time/Clock';
import { reverifyCapture } from '../../../../native/sbi/reverifyCapture';
import type { TrustStore } from '../../../../native/sbi/TrustStore';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { getDraftDocument, listDraftCaptures } from '../../db/repos/drafts';
import type { FormBundleService } from '../FormBundleService';
import { seriesFromRows, type CaptureSeries } from './captureSeries';
import { composeRegistration } from './composeRegistration';
import type { DraftBiometrics } from './DraftBiometrics';
import { draftForm, type DraftForm } from './draftForm';
import type { DraftService } from './DraftService';
import { schemaIssues, specIssues } from './validateDraft';

/** What preparing a draft reads. */
export interface PrepareDraftDeps {
  readonly db: DB;
  readonly clock: Clock;
  readonly identity: MachineIdentity;
  readonly drafts: DraftService;
  readonly biometrics: Pick<DraftBiometrics, 'policy'>;
  readonly bundles: FormBundleService;
}

/** A draft ready for the packet engine, and what checking it found. */
export interface PreparedDraft {
  readonly form: DraftForm;
  /** undefined when the composed registration does not even parse (its issues say why) */
  readonly input: RegistrationInput | undefined;
  readonly issues: FieldIssue[];
  readonly series: readonly CaptureSeries[];
}

/**
 * The registration composed from the stored draft (never from the page) and parsed: the boundary
 * where a draft becomes a typed `RegistrationInput`. Then checked against the spec and the ID schema.
 * @throws AppError ERR_REG_DRAFT_*, ERR_REG_RULE_*, ERR_REG_DOCUMENT_NOT_ATTACHED
 */
export function prepareDraft(d: PrepareDraftDeps, operatorId: string, draftId: string): PreparedDraft {
  const { row, draft } = d.drafts.owned(operatorId, draftId);
  const resolved = d.bundles.current();
  const form = draftForm(draft, d.bundles.spec(resolved.bundle, draft.process), resolved.bundle, new Date(d.clock.now()));
  const series = seriesFromRows(listDraftCaptures(d.db, draftId), d.biometrics.policy);
  const issues = specIssues(form, (fieldId) => series.some((s) => s.fieldId === fieldId && s.modality === 'exception-photo'));
  const composed = composeRegistration({
    form, idSchema: resolved.bundle.idSchema, idSchemaVersion: resolved.idSchemaVersion, series, operatorId, startedAt: row.createdAt,
    document: (storageId) => getDraftDocument(d.db, draftId, storageId),
  });
  const parsed = RegistrationInput.safeParse({
    ...composed,
    preRegistrationId: draft.preRegistrationId ?? null,
    additionalInfoReqId: draft.additionalInfoReqId?.trim() || null,
    centreId: d.identity.centreId,
    machineId: d.identity.machineId,
    createdAt: d.clock.now(),
    // nobody has authenticated for this packet yet: submit sets it once the password passed
    operators: { officerId: operatorId, officerPassword: false },
  });
  if (!parsed.success) return { form, input: undefined, series, issues: [...issues, ...parsed.error.issues.map((i) => inputIssue(i.path, i.message))] };
  const input = parsed.data;
  return { form, input, series, issues: [...issues, ...schemaIssues(input, resolved.bundle.idSchema, issues, resolved.bundle.messages)] };
}

/**
 * The page never supplies captures: each kept one was stored here from a device response that
 * passed every check. It is verified again now (JWS, trust chain to the anchors held now, hash
 * chain) so a capture altered at rest, or signed by a device no longer trusted, is never built.
 * @throws AppError ERR_REG_CAPTURE_UNVERIFIED
 */
export function reverifyCaptures(audit: AuditLog, trust: TrustStore, draftId: string, series: readonly CaptureSeries[]): void {
  for (const s of series) {
    const reason = reverifyCapture(s.results[s.keptIndex]!, trust);
    if (reason) {
      audit.append('DRAFT_CAPTURE_UNVERIFIED', null, { draftId, fieldId: s.fieldId, modality: s.modality, reason });
      throw new AppError('ERR_REG_CAPTURE_UNVERIFIED', { draftId, fieldId: s.fieldId, modality: s.modality, reason });
    }
  }
}

/** A composed value the input model refuses (e.g. an empty document): named by its field. */
function inputIssue(path: readonly PropertyKey[], message: string): FieldIssue {
  const fieldId = typeof path[1] === 'string' ? path[1] : path.map(String).join('.');
  return { fieldId, rule: 'required', message: { eng: message } };
}
