import type { RunState } from './outboxRunState';
import type { OutboxSteps } from './OutboxSteps';

/**
 * Civil-registration packets that go online (createPacket + workflowinstance) instead of RID sync
 * and upload: READY → UPLOADED once the workflow started; the status phase then follows the RID
 * as for any uploaded packet. Failures follow the same retry classes as the other phases.
 */
export async function crvsOnlinePhase(steps: OutboxSteps, rs: RunState): Promise<void> {
  const online = steps.o.crvsOnline;
  if (!online) return;
  const items = steps.due(rs, ['READY']).filter((item) => online.handles(item));
  let done = 0;
  for (const item of items) {
    if (rs.backingOff) break;
    await steps.step(rs, [item], async () => {
      const current = steps.fresh(item);
      if (current.state !== 'READY') return; // someone else moved it since the list was read
      await online.deliver(current, rs.signal);
      const now = steps.o.clock.now();
      const moved = steps.patch(current, { state: 'UPLOADED', syncedAt: now, uploadedAt: now, attempts: 0, nextAttemptAt: null, lastErrorCode: null, lastErrorDetails: null });
      if (!moved) return;
      steps.o.audit.append('PACKET_UPLOADED', null, { packetId: item.packetId, rid: item.rid, path: 'createPacket+workflowinstance' });
      rs.summary.uploaded.push(item.rid);
    });
    done += 1;
    steps.progress({ phase: 'upload', done, total: items.length, rid: item.rid });
  }
}
