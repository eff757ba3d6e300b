import type { RegistrationProcess } from '../../../schemas/registration';
import type { IdSchemaJson } from '../../../schemas/registrationIdSchema';

/**
 * The fields MOSIP 1.2 requires of each process's ID object, beyond the ID schema's own list.
 * Regproc's packet validation (mosip/packet-manager release-1.2.0.x `PacketValidator.validateSchema`)
 * looks up `mosip.kernel.idobjectvalidator.mandatory-attributes.reg-processor.<operation>` with the
 * operation from `IdObjectsSchemaValidationOperationMapper.getOperation(process)` (NEW →
 * new-registration, LOST → lost, UPDATE → other, anything else → the process name itself), and
 * the kernel's `IdObjectSchemaValidator.buildErrorMessages` keeps a schema `required` miss only
 * when the field is in that list. mosip-config v1.2.0.1 `application-default.properties`:
 * other=IDSchemaVersion,UIN; lost=IDSchemaVersion; biometric_correction=IDSchemaVersion.
 * NEW keeps the whole schema list: its MOSIP list is the country's demographic set, and a NEW
 * registration must not reach the server missing what the schema asks for.
 * The CRVS processes have their own lists (`…reg-processor.crvs_new` / `crvs_death`, named by
 * docs.mosip.io 1.2.0 "MOSIP–CRVS integration › Configurations Details"; their values are not
 * published, so these are ours): a birth needs the child's schema demographics but no biometrics
 * (CRVS packets made by Packet Manager createPacket carry none), a death the UIN and
 * `declaredAsDeceased`, the one field that design calls mandatory.
 */
const PROCESS_MANDATORY: Readonly<Record<RegistrationProcess, readonly string[] | 'schema'>> = {
  NEW: 'schema',
  UPDATE: ['IDSchemaVersion', 'UIN'],
  LOST: ['IDSchemaVersion'],
  BIOMETRIC_CORRECTION: ['IDSchemaVersion'],
  CRVS_NEW: ['IDSchemaVersion', 'fullName', 'dateOfBirth', 'gender', 'region', 'province'],
  CRVS_DEATH: ['IDSchemaVersion', 'UIN'],
};

/**
 * Fields a CRVS process needs even where the schema leaves them optional (when the schema has
 * them): the birth record's number, and a death's UIN and `declaredAsDeceased`.
 */
const PROCESS_ALWAYS: Readonly<Partial<Record<RegistrationProcess, readonly string[]>>> = {
  CRVS_NEW: ['birthCertificateNumber'],
  CRVS_DEATH: ['UIN', 'declaredAsDeceased'],
};

/** The schema's required identity fields that the process's ID object must carry. */
export function requiredFieldsFor(process: RegistrationProcess, schema: IdSchemaJson): string[] {
  const mandatory = PROCESS_MANDATORY[process];
  const { required, properties } = schema.properties.identity;
  if (mandatory === 'schema') return [...required];
  const always = (PROCESS_ALWAYS[process] ?? []).filter((id) => id in properties);
  return [...new Set([...required.filter((id) => mandatory.includes(id)), ...always])];
}
