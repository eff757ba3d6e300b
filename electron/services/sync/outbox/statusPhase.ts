import type { OutboxState } from '../../../../schemas/outbox';
import { listOutboxInStates, type OutboxPatch, type OutboxRecord } from '../../db/repos/outbox';
import { NOT_YET_RECEIVED, STATUS_BATCH, TERMINAL, type RunState } from './outboxRunState';
import type { OutboxSteps } from './OutboxSteps';

/** Status query (registrationstatus/search) of the packets in `states`, by their real RIDs. */
export async function statusPhase(steps: OutboxSteps, rs: RunState, states: readonly OutboxState[]): Promise<void> {
  const items = listOutboxInStates(steps.o.db, states);
  await eachStatus(
    steps,
    rs,
    items,
    (item, code) => {
      if (code) applyStatus(steps, rs, item, code);
    },
    (done) => steps.progress({ phase: 'status', done, total: items.length, rid: null }),
  );
}

/**
 * An export does not take a packet off the network path: online, it goes up like any other
 * (MOSIP 1.2 uploads EXPORTED too: RegistrationConstants.PACKET_UPLOAD_STATUS, used by
 * PacketUploadServiceImpl.uploadSyncedPackets). The server is asked first, so a packet an
 * administrator already uploaded from the USB copy is not sent again.
 */
export async function exportedPhase(steps: OutboxSteps, rs: RunState): Promise<void> {
  await eachStatus(steps, rs, steps.due(rs, ['EXPORTED']), (item, code) => {
    if (code && !NOT_YET_RECEIVED.has(code)) applyStatus(steps, rs, item, code);
    // RID-synced without the bytes: upload; unknown to the server or RESEND: RID sync first
    else steps.patch(item, { state: code === 'UPLOAD_PENDING' ? 'SYNCED' : 'READY', nextAttemptAt: steps.o.clock.now() });
  });
}

/** Asks the server for the status of `items`, STATUS_BATCH RIDs a step, until the run backs off. */
async function eachStatus(steps: OutboxSteps, rs: RunState, items: readonly OutboxRecord[], apply: (item: OutboxRecord, code: string | undefined) => void, afterBatch?: (done: number) => void): Promise<void> {
  for (let i = 0; i < items.length && !rs.backingOff; i += STATUS_BATCH) {
    const batch = items.slice(i, i + STATUS_BATCH);
    await steps.step(rs, [], async () => {
      // The real RIDs: the Java client's status job sends an empty request list here.
      const statuses = await steps.o.server.searchStatus(batch.map((r) => r.rid), rs.signal);
      const byRid = new Map(statuses.map((s) => [s.registrationId, s.statusCode]));
      for (const item of batch) apply(item, byRid.get(item.rid));
    });
    afterBatch?.(Math.min(i + STATUS_BATCH, items.length));
  }
}

function applyStatus(steps: OutboxSteps, rs: RunState, item: OutboxRecord, code: string): void {
  const now = steps.o.clock.now();
  const seen = { serverStatus: code, serverStatusAt: item.serverStatus === code ? item.serverStatusAt : now };
  let patch: OutboxPatch;
  if (TERMINAL.has(code)) patch = { ...seen, state: 'DONE' };
  else if (NOT_YET_RECEIVED.has(code)) {
    // RESEND, or an uploaded packet the server lost: sync and upload again. An exported packet simply waits.
    if (item.state === 'EXPORTED') patch = seen;
    else patch = { ...seen, state: 'READY', nextAttemptAt: now };
  } else patch = { ...seen, state: 'UPLOADED', uploadedAt: item.uploadedAt ?? now };
  if (item.serverStatus === code && (patch.state ?? item.state) === item.state) return;
  steps.patch(item, patch);
  rs.summary.statusUpdated.push({ rid: item.rid, status: code });
}
