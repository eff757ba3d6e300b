import type { RidSyncRecord } from '../../../../schemas/mosipSync';
import type { OutboxRecord } from '../../db/repos/outbox';
import type { RunState } from './outboxRunState';
import type { OutboxSteps } from './OutboxSteps';

/** RID sync (registrationstatus/syncV2) of the due READY packets, `batchSize` records a call. */
export async function ridSyncPhase(steps: OutboxSteps, rs: RunState, batchSize: number): Promise<void> {
  // civil-registration packets that go online are crvsOnlinePhase's
  const online = steps.o.crvsOnline;
  const ready = steps.due(rs, ['READY']).filter((item) => !online?.handles(item));
  let done = 0;
  for (let i = 0; i < ready.length && !rs.backingOff; i += batchSize) {
    const batch = ready.slice(i, i + batchSize);
    await steps.step(rs, batch, async () => {
      const outcome = await steps.o.server.syncPackets(batch.map((r) => ridSyncRecord(r, steps.o.langCode ?? 'por')), rs.signal);
      const failed = new Map(outcome.failed.map((f) => [f.registrationId, f]));
      const ok = new Set(outcome.synced.map((s) => s.registrationId));
      for (const item of batch) {
        const refusal = failed.get(item.rid);
        if (refusal) steps.park(rs, item, 'ERR_SYNC_REJECTED', { endpoint: 'registrationstatus/syncV2', errorCode: refusal.errorCode, message: refusal.message ?? '' });
        else if (ok.has(item.rid)) {
          steps.patch(item, { state: 'SYNCED', syncedAt: steps.o.clock.now(), attempts: 0, nextAttemptAt: null, lastErrorCode: null, lastErrorDetails: null });
          rs.summary.synced.push(item.rid);
        }
      }
    });
    done += batch.length;
    steps.progress({ phase: 'ridSync', done, total: ready.length, rid: null });
  }
}

function ridSyncRecord(r: OutboxRecord, langCode: string): RidSyncRecord {
  return {
    registrationId: r.rid,
    packetId: r.packetId,
    // without it the packet receiver refuses a sub-process packet (RPR-PKR-016)
    additionalInfoReqId: r.additionalInfoReqId,
    registrationType: r.process,
    packetHashValue: r.sha256,
    packetSize: r.size,
    supervisorStatus: r.supervisorStatus === 'REJECTED' ? 'REJECTED' : 'APPROVED',
    supervisorComment: r.supervisorComment,
    langCode,
    // regproc keeps them (encrypted) to notify the resident (SyncRegistrationServiceImpl.convertDtoToEntity)
    name: r.syncContact?.name ?? null,
    email: r.syncContact?.email ?? null,
    phone: r.syncContact?.phone ?? null,
  };
}
