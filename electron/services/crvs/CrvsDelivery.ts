import type { CrvsEventRecord } from '../db/repos/crvsEvents';

/**
 * How an event reaches MOSIP. The one seam between the bridge and a delivery path: the offline
 * packet path (OutboxPacketDelivery: a local packet, RID sync, upload) today; the online path
 * (Packet Manager createPacket + workflowinstance) plugs in here with the same contract.
 */
export interface CrvsDelivery {
  /**
   * Hands the RECEIVED event to its path and moves it to QUEUED with its RID in the same commit
   * as whatever the path stores (so a crash never leaves a packet without its event or the
   * reverse: a restart neither loses the event nor creates it twice). Returns the RID.
   * @throws AppError: a `park`/`fatal` retry class parks the event; others are retried later
   */
  deliver(event: CrvsEventRecord): Promise<string>;
}
