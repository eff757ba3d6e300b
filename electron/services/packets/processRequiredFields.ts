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
 */
const PROCESS_MANDATORY: Readonly<Record<RegistrationProcess, readonly string[] | 'schema'>> = {
  NEW: 'schema',
  UPDATE: ['IDSchemaVersion', 'UIN'],
  LOST: ['IDSchemaVersion'],
  BIOMETRIC_CORRECTION: ['IDSchemaVersion'],
};

/** The schema's required identity fields that the process's ID object must carry. */
export function requiredFieldsFor(process: RegistrationProcess, schema: IdSchemaJson): string[] {
  const mandatory = PROCESS_MANDATORY[process];
  const required = schema.properties.identity.required;
  return mandatory === 'schema' ? [...required] : required.filter((id) => mandatory.includes(id));
}
