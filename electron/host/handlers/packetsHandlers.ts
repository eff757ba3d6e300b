import type { packetsApi } from '../../../schemas/api/packetsApi';
import type { MachineIdentity } from '../../../schemas/machine';
import type { Clock } from '../../../native/time/Clock';
import type { DataDirPacketBuilder } from '../../services/packets/DataDirPacketBuilder';
import type { AreaHandlers } from './createHandlers';

/** `packets.build`: the officer's registration becomes a committed packet, with progress to that screen. */
export function packetsHandlers(deps: { packets: DataDirPacketBuilder; identity: MachineIdentity; clock: Clock }): AreaHandlers<typeof packetsApi> {
  return {
    'packets.build': async ({ draftId, registration }, ctx) => {
      const session = ctx.session!;
      const input = {
        ...registration,
        centreId: deps.identity.centreId,
        machineId: deps.identity.machineId,
        createdAt: deps.clock.now(),
        // this raw path asks for no password: the packet must not claim one (drafts.submit does)
        operators: { officerId: session.userId, officerPassword: false },
      };
      return deps.packets.build(draftId, input, session.userId, (progress) => ctx.sink('packets.onDidProgress', progress));
    },
  };
}
