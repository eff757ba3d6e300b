import { AppError } from '../../../schemas/errors';
import type { MosipInteropPayload } from '../../../schemas/crvsBridge';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { patchCrvsEvent, type CrvsEventRecord } from '../db/repos/crvsEvents';
import { latestIdSchema } from '../db/repos/idSchemas';
import { parsePacketBuildRequest } from '../packets/parsePacketBuildRequest';
import type { PacketService } from '../packets/PacketService';
import type { Approver, PacketApprovalService } from '../sync/approval/PacketApprovalService';
import type { Clock } from '../../../native/time/Clock';
import type { CrvsDelivery } from './CrvsDelivery';
import { crvsRegistration } from './crvsRegistration';

export interface OutboxPacketDeliveryDeps {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly packets: PacketService;
  readonly approval: PacketApprovalService;
  /** the bridge's operator, a supervisor: officer of its packets and the one who approves them */
  readonly operator: Approver;
  readonly centreId: string;
  readonly machineId: string;
  readonly language: string;
}

/**
 * The offline packet path: the event becomes a CRVS_NEW / CRVS_DEATH packet built by the packet
 * engine, approved by the bridge's supervisor account and queued in the outbox, whose RID sync and
 * upload take it to MOSIP with the outbox's exactly-once rules. The packet row, its approval and
 * the event's move to QUEUED are one transaction (PacketService's `inCommit`).
 */
export class OutboxPacketDelivery implements CrvsDelivery {
  readonly #d: OutboxPacketDeliveryDeps;

  constructor(deps: OutboxPacketDeliveryDeps) {
    this.#d = deps;
  }

  async deliver(event: CrvsEventRecord): Promise<string> {
    const d = this.#d;
    if (event.kind !== 'BIRTH' && event.kind !== 'DEATH' && event.kind !== 'CORRECTION') throw new AppError('ERR_CRVS_NO_MOSIP_API', { eventId: event.eventId, step: event.kind });
    const idVersion = latestIdSchema(d.db)?.idVersion;
    if (idVersion === undefined) throw new AppError('ERR_CRVS_NOT_CONFIGURED', { what: 'the ID schema (run regclient sync --initial)' });
    const payload = JSON.parse(event.payload) as MosipInteropPayload;
    const registration = crvsRegistration(event.kind, payload, {
      centreId: d.centreId, machineId: d.machineId, operatorId: d.operator.userId, language: d.language, idSchemaVersion: idVersion, now: d.clock.now(),
    });
    const request = parsePacketBuildRequest({ draftId: `crvs:${event.eventId}`, actor: d.operator.userId, registration });
    const built = await d.packets.build(request, {
      inCommit: ({ rid }) => {
        const now = d.clock.now();
        if (!patchCrvsEvent(d.db, event.eventId, 'RECEIVED', { state: 'QUEUED', rid, lastErrorCode: null, nextAttemptAt: now }, now)) {
          // another pass queued it meanwhile: roll this packet back rather than make a second one
          throw new AppError('ERR_CRVS_EVENT_NOT_PARKED', { eventId: event.eventId, state: 'not RECEIVED' });
        }
        d.approval.decide(d.operator, 'approve', { ids: [rid] });
        d.audit.append('CRVS_EVENT_QUEUED', d.operator.userId, { eventId: event.eventId, rid });
      },
    });
    return built.rid;
  }
}
