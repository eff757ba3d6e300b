import type { AppServices } from '../../../electron/host/createAppServices';
import { listOutboxInStates, patchOutbox } from '../../../electron/services/db/repos/outbox';

const DAY = 86_400_000;
const SUPERVISOR = { userId: 'supervisor1', roles: ['REGISTRATION_SUPERVISOR'] } as const;
/** the most ids one approval request carries (PacketDecisionInput) */
const BATCH = 500;

/**
 * A month of end-of-day work on the seeded packets, as of the clock's now: packets older than a day
 * approved by the supervisor (PacketApprovalService, audited); those older than 2 days uploaded 2
 * days after creation and PROCESSED by the server; retention (RetentionService, 1 day) then removes
 * the files past it, leaving the last day's PROCESSED files for retention to free next. The last
 * day's packets wait for approval. The upload itself is written through the outbox repository's
 * compare-and-set (no server here); everything else goes through the services.
 */
export async function seedHistory(services: AppServices): Promise<void> {
  const { db } = services.data;
  const now = services.clock.now();
  const toApprove = listOutboxInStates(db, ['PENDING']).filter((r) => r.createdAt < now - DAY);
  for (let at = 0; at < toApprove.length; at += BATCH) {
    services.sync.approval.decide(SUPERVISOR, 'approve', { ids: toApprove.slice(at, at + BATCH).map((r) => r.packetId) });
  }
  const uploaded = listOutboxInStates(db, ['READY']).filter((r) => r.createdAt < now - 2 * DAY);
  db.transaction(() => {
    for (const r of uploaded) {
      const at = r.createdAt + 2 * DAY;
      patchOutbox(db, r.packetId, 'READY', { state: 'DONE', syncedAt: at, uploadedAt: at, serverStatus: 'PROCESSED', serverStatusAt: at, attempts: 1 }, at);
    }
  })();
  await services.sync.retention.run();
}
