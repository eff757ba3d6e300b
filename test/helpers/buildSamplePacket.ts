import type { PacketBuildProgress, PacketBuildResult } from '../../schemas/packet';
import type { AppServices } from '../../electron/host/createAppServices';
import { sampleRegistration, SMALL_SAMPLE } from '../../electron/services/packets/sampleRegistration';
import { packetRequest } from './packetRequest';

/**
 * A committed packet of the sample registration, built by the main-side builder as the CLI's
 * `packet build` does (the page has no such method since issue 12): for tests that need a packet
 * to approve, sync or summarise, not a registration made through the screens.
 */
export async function buildSamplePacket(services: AppServices, draftId: string, officerId = 'officer1', onProgress?: (p: PacketBuildProgress) => void): Promise<PacketBuildResult> {
  const { rid, ...registration } = sampleRegistration({ now: services.clock.now(), sizes: SMALL_SAMPLE }) as Record<string, unknown>;
  void rid; // the builder gives the RID
  const input = {
    ...registration,
    centreId: services.data.identity.centreId,
    machineId: services.data.identity.machineId,
    createdAt: services.clock.now(),
    // no password was typed for this packet: it must not claim one
    operators: { officerId, officerPassword: false },
  };
  return services.packets.build(packetRequest(draftId, input, officerId), onProgress ? { onProgress } : {});
}
