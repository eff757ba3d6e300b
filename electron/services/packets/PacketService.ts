import { mkdir, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { AppError, isAppError } from '../../../schemas/errors';
import { DEFAULT_MAX_PACKET_BYTES, type PacketBuildProgress, type PacketBuildResult, type PacketBuildStage } from '../../../schemas/packet';
import { CentreId, MachineId } from '../../../schemas/machine';
import { ridOfAdditionalInfoReqId } from '../../../schemas/registration';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { insertPacketWithJob } from '../db/repos/packets';
import { takeRidSequence } from '../db/repos/ridSequence';
import { nodeDurableFs, writeFileDurably, type DurableFs } from './durableFile';
import type { PacketBuildRequest } from './packetBuildJob';
import type { PacketBuilder } from './PacketBuilderPool';
import { formatRid } from './rid';

export interface PacketServiceOptions {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** `<dataDir>/packets` */
  readonly packetsDir: string;
  /** runs the build: `PacketBuilderPool.build` in the app, `runPacketBuild` in process for tests/CLI */
  readonly builder: PacketBuilder;
  readonly idSchema: unknown;
  readonly regCertPem: string;
  readonly machineKeyPkcs8: Uint8Array;
  readonly host: Readonly<{ hostName: string; hostIp: string }>;
  /** server `registration.processor.max.file.size`; default 5 MiB */
  readonly maxPacketBytes?: number;
  readonly compressionLevel?: number;
  readonly fs?: DurableFs;
}

/** What the caller may add to the packet's commit. */
export interface PacketCommitOptions {
  /**
   * Runs inside the transaction that inserts the packet row: what it writes is committed with the
   * packet or not at all (the submitter stores the review summary and deletes the draft here).
   * Throwing rolls the packet back (ERR_PACKET_WRITE_FAILED).
   */
  readonly inCommit?: (packet: Readonly<{ rid: string; packetId: string }>) => void;
  /**
   * The resident's name, email and phone for the RID sync (Java client RegistrationDAOImpl.save
   * keeps them with the registration, PacketSynchServiceImpl sends them); kept in the packet row.
   */
  readonly syncContact?: Readonly<{ name: string | null; email: string | null; phone: string | null }>;
}

// Only what is needed to allocate a RID; the full validation runs in the worker.
const Routing = z.object({ centreId: CentreId, machineId: MachineId, rid: z.string().optional(), additionalInfoReqId: z.string().nullish() });

/**
 * Turns a confirmed registration into a durable, committed packet: RID → build (worker) →
 * size check → temp file, fsync, link into place → packet row + meta + outbox job + audit in ONE
 * transaction. On failure nothing is left on disk or in the packets table; the caller's draft
 * is untouched (this service never reads or writes drafts).
 */
export class PacketService {
  readonly #o: PacketServiceOptions;

  constructor(options: PacketServiceOptions) {
    const max = options.maxPacketBytes ?? DEFAULT_MAX_PACKET_BYTES;
    if (!Number.isInteger(max) || max <= 0) throw new TypeError(`PacketService: maxPacketBytes must be a positive integer, got ${max}`);
    this.#o = options;
  }

  /**
   * @throws AppError ERR_PACKET_INPUT_INVALID, ERR_PACKET_CAPTURE_MISMATCH, ERR_PACKET_REG_CERT_*,
   *   ERR_PACKET_TOO_LARGE, ERR_PACKET_DISK_FULL, ERR_PACKET_WRITE_FAILED, ERR_PACKET_BUILD_FAILED
   */
  async build(draftId: string, input: unknown, actor: string | null, onProgress: (p: PacketBuildProgress) => void = () => undefined, options: PacketCommitOptions = {}): Promise<PacketBuildResult> {
    const o = this.#o;
    const report = (stage: PacketBuildStage, fraction: number) => onProgress({ draftId, stage, fraction });
    let rid: string | undefined;
    try {
      const now = o.clock.now();
      rid = this.#rid(input, now);
      const request: PacketBuildRequest = {
        input, idSchema: o.idSchema, rid, now, regCertPem: o.regCertPem, machineKeyPkcs8: o.machineKeyPkcs8, host: o.host,
        maxPacketBytes: o.maxPacketBytes ?? DEFAULT_MAX_PACKET_BYTES,
        ...(o.compressionLevel === undefined ? {} : { compressionLevel: o.compressionLevel }),
      };
      const out = await o.builder(request, report);
      report('write', 0.85);
      await mkdir(o.packetsDir, { recursive: true });
      const fileName = `${out.packetId}.zip`;
      const file = await writeFileDurably(o.packetsDir, fileName, out.bytes, o.fs ?? nodeDurableFs);
      report('commit', 0.95);
      try {
        o.db.transaction(() => {
          insertPacketWithJob(o.db, {
            packet_id: out.packetId, rid: out.rid, process: out.process, centre_id: out.centreId, machine_id: out.machineId,
            file_name: fileName, size: out.bytes.length, sha256: out.sha256, status: 'CREATED',
            // the RID sync sends additionalInfoReqId (Java client PacketSynchServiceImpl.getPacketSyncDtoList)
            meta: JSON.stringify({ subpackets: out.subpackets, additionalInfoReqId: out.additionalInfoReqId, syncContact: options.syncContact ?? null }), created_at: now,
          });
          o.audit.append('PACKET_CREATED', actor, { packetId: out.packetId, rid: out.rid, size: out.bytes.length, sha256: out.sha256 });
          options.inCommit?.({ rid: out.rid, packetId: out.packetId });
        }).immediate();
      } catch (cause) {
        await unlink(file).catch(() => undefined); // the row is not there, so the file must not be either
        throw new AppError('ERR_PACKET_WRITE_FAILED', { path: file, reason: `commit failed: ${(cause as Error).message}` }, { cause });
      }
      report('done', 1);
      return { rid: out.rid, packetId: out.packetId, file, sha256: out.sha256, size: out.bytes.length };
    } catch (err) {
      const code = isAppError(err) ? err.code : 'ERR_INTERNAL';
      o.audit.append('PACKET_BUILD_FAILED', actor, { draftId, rid: rid ?? null, code });
      throw err;
    }
  }

  #rid(input: unknown, now: number): string {
    const routing = Routing.safeParse(input);
    if (!routing.success) {
      const issues = routing.error.issues.map((i) => ({ field: i.path.join('.'), rule: i.code, message: i.message }));
      throw new AppError('ERR_PACKET_INPUT_INVALID', { issues, first: `${issues[0]!.field}: ${issues[0]!.rule}` });
    }
    const { centreId, machineId, rid, additionalInfoReqId } = routing.data;
    // a correction reuses the RID of the request it answers (the worker checks the id's shape)
    if (rid === undefined && additionalInfoReqId) return ridOfAdditionalInfoReqId(additionalInfoReqId);
    return rid ?? formatRid(centreId, machineId, takeRidSequence(this.#o.db, centreId, machineId, now), now);
  }
}
