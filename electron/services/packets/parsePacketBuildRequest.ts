import { AppError } from '../../../schemas/errors';
import { PacketBuildRequest } from '../../../schemas/packet';
import { inputInvalid, zodIssue } from './registrationValidator';

/**
 * The one parse of a build request from outside the back end (`packet build`, the sample paths).
 * A registration's issues are named from the registration, as the engine always named them
 * (`demographics.phone`, not `registration.demographics.phone`).
 * @throws AppError ERR_PACKET_ID_SCHEMA_INVALID (checked first, as `packet build` always did),
 *   ERR_PACKET_INPUT_INVALID with every issue
 */
export function parsePacketBuildRequest(raw: unknown): PacketBuildRequest {
  const parsed = PacketBuildRequest.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const schemaIssue = issues.find((i) => i.path[0] === 'idSchema');
  if (schemaIssue) throw new AppError('ERR_PACKET_ID_SCHEMA_INVALID', { reason: schemaIssue.message });
  throw inputInvalid(issues.map((i) => zodIssue(i, i.path[0] === 'registration' ? i.path.slice(1) : i.path)));
}
