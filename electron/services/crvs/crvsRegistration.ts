import { randomUUID } from 'node:crypto';
import type { BirthRequestFields, CorrectionRequestFields, CrvsEventKind, DeathRequestFields, MosipInteropPayload } from '../../../schemas/crvsBridge';
import type { DemographicValue, RegistrationInputDraft } from '../../../schemas/registration';

/** What the registration needs besides the event: where it is made, by whom, in which language. */
export interface CrvsRegistrationContext {
  readonly centreId: string;
  readonly machineId: string;
  /** the bridge's operator: officer and supervisor of its packets */
  readonly operatorId: string;
  readonly language: string;
  readonly idSchemaVersion: number;
  readonly now: number;
}

/** `yyyy-MM-dd` (OpenCRVS) → `yyyy/MM/dd` (MOSIP ID.json dates). */
function mosipDate(iso: string): string {
  return iso.replaceAll('-', '/');
}

/**
 * The packet engine's input for a civil registration event: a birth becomes CRVS_NEW (the child,
 * the birth record, the parent as introducer by UIN), a death CRVS_DEATH (the deceased's UIN or
 * VID, `declaredAsDeceased` = Y, as the client's checkbox writes it), a legal correction UPDATE (the
 * UIN or VID and only the corrected fields, as the client's UPDATE writes them). No biometrics: the CRVS
 * processes take none (processRequiredFields.ts), as Packet Manager's createPacket route carries none.
 */
export function crvsRegistration(kind: Extract<CrvsEventKind, 'BIRTH' | 'DEATH' | 'CORRECTION'>, payload: MosipInteropPayload, c: CrvsRegistrationContext): RegistrationInputDraft {
  const local = (value: string): DemographicValue => [{ language: c.language, value }];
  const demographics: Record<string, DemographicValue> =
    kind === 'BIRTH' ? birth(payload.requestFields as BirthRequestFields, local)
    : kind === 'DEATH' ? death(payload.requestFields as DeathRequestFields, c, local)
    : correction(payload.requestFields as CorrectionRequestFields, local);
  const audit = (eventId: string, eventName: string) => ({ uuid: randomUUID(), at: c.now, eventId, eventName, eventType: 'SYSTEM', sessionUserId: c.operatorId, sessionUserName: c.operatorId, description: `CRVS ${payload.trackingId}` });
  return {
    process: kind === 'BIRTH' ? 'CRVS_NEW' : kind === 'DEATH' ? 'CRVS_DEATH' : 'UPDATE',
    idSchemaVersion: c.idSchemaVersion,
    centreId: c.centreId,
    machineId: c.machineId,
    langCodes: [c.language],
    consent: true,
    createdAt: c.now,
    demographics,
    operators: { officerId: c.operatorId, supervisorId: c.operatorId },
    audits: [audit('REG-EVT-001', 'Registration started'), audit('REG-EVT-002', 'Registration confirmed')],
  };
}

function birth(f: BirthRequestFields, local: (v: string) => DemographicValue): Record<string, DemographicValue> {
  return {
    fullName: local(f.fullName),
    dateOfBirth: mosipDate(f.dateOfBirth),
    gender: local(f.gender),
    region: local(f.region),
    province: local(f.province),
    birthCertificateNumber: f.birthCertificateNumber,
    ...(f.birthRegistrationDate ? { birthRegistrationDate: mosipDate(f.birthRegistrationDate) } : {}),
    ...(f.introducerName ? { introducerName: local(f.introducerName) } : {}),
    ...(f.introducerUIN ? { introducerUIN: f.introducerUIN } : {}),
  };
}

function death(f: DeathRequestFields, c: CrvsRegistrationContext, local: (v: string) => DemographicValue): Record<string, DemographicValue> {
  return {
    UIN: f.UIN,
    declaredAsDeceased: 'Y',
    deceasedDeclarationDate: mosipDate(f.deceasedDeclarationDate ?? new Date(c.now).toISOString().slice(0, 10)),
    ...(f.typeOfDeath ? { typeOfDeath: local(f.typeOfDeath) } : {}),
    ...(f.deceasedInformer ? { deceasedInformer: f.deceasedInformer } : {}),
  };
}

function correction(f: CorrectionRequestFields, local: (v: string) => DemographicValue): Record<string, DemographicValue> {
  return {
    UIN: f.VID,
    ...(f.fullName ? { fullName: local(f.fullName) } : {}),
    ...(f.dateOfBirth ? { dateOfBirth: mosipDate(f.dateOfBirth) } : {}),
    ...(f.gender ? { gender: local(f.gender) } : {}),
  };
}
