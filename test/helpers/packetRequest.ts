import type { PacketBuildRequest } from '../../schemas/packet';
import { parsePacketBuildRequest } from '../../electron/services/packets/parsePacketBuildRequest';

/**
 * A build request parsed as `packet build` parses its input file: for tests that build from a
 * sample registration (or a broken one) rather than from a draft.
 * @throws AppError ERR_PACKET_INPUT_INVALID, ERR_PACKET_ID_SCHEMA_INVALID
 */
export function packetRequest(draftId: string, registration: unknown, actor: string | null = null, extra: Readonly<Record<string, unknown>> = {}): PacketBuildRequest {
  return parsePacketBuildRequest({ draftId, actor, registration, ...extra });
}
