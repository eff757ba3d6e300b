import type { BirthRecordData } from '../../../../schemas/birthCertificateQr';
import type { RegistryBirthRecord } from '../../../../schemas/crvsRegistry';
import { AppError } from '../../../../schemas/errors';

/**
 * OpenCRVS's sex values (reference country configuration `genderOptions`: male, female, unknown)
 * → MOSIP's gender master-data codes. Anything else is left for the operator to pick.
 */
const GENDER: Readonly<Record<string, string>> = { male: 'MLE', female: 'FLE' };

const fullName = (n: RegistryBirthRecord['declaration']['child.name'] | undefined) => [n?.firstname, n?.middlename, n?.surname].filter((p) => p !== undefined && p.trim() !== '').join(' ');

/**
 * A record of the civil registry as the CRVS_NEW form takes it: the registered number and date,
 * the child's name, date of birth and (when it maps) gender; the mother as the introducer when the
 * registry names her with a 10-digit national ID (her UIN). Addresses are OpenCRVS location ids,
 * not MOSIP's codes, so region and district are left for the operator.
 * @throws AppError ERR_CRVS_REGISTRY_ANSWER_INVALID when the child has no usable name
 */
export function registryBirthRecord(r: RegistryBirthRecord): BirthRecordData {
  const child = fullName(r.declaration['child.name']);
  if (child.length < 3 || child.length > 128) throw new AppError('ERR_CRVS_REGISTRY_ANSWER_INVALID', { field: 'declaration.child.name', rule: '3 to 128 characters' });
  const gender = GENDER[r.declaration['child.gender'] ?? ''];
  const mother = fullName(r.declaration['mother.name']);
  const nid = r.declaration['mother.nid'];
  const parent = mother.length >= 3 && mother.length <= 128 && nid !== undefined && /^\d{10}$/.test(nid) ? { fullName: mother, uin: nid } : undefined;
  return {
    birthCertificateNumber: r.legalStatuses.REGISTERED.registrationNumber,
    birthRegistrationDate: r.legalStatuses.REGISTERED.acceptedAt.slice(0, 10),
    child: { fullName: child, dateOfBirth: r.declaration['child.dob'], ...(gender ? { gender } : {}) },
    ...(parent ? { parent } : {}),
  };
}
