import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdir, unlink } from 'node:fs/promises';
import type { CrvsPacketContent } from '../../../schemas/crvsOnline';
import { AppError, isAppError } from '../../../schemas/errors';
import { DEFAULT_MAX_PACKET_BYTES, type PacketBuildProgress, type PacketBuildRequest, type PacketBuildResult, type PacketBuildStage } from '../../../schemas/packet';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { insertCrvsOnline } from '../db/repos/crvsOnline';
import { insertPacketWithJob } from '../db/repos/packets';
import { computeKeyIndex } from '../../../native/keystore/keyIndex';
import { CRVS_PROCESSES, crvsPacketContent } from '../sync/crvsOnline/crvsPacketContent';
import { takeRidSequence } from '../db/repos/ridSequence';
import { nodeDurableFs, writeFileDurably, type DurableFs } from './durableFile';
import type { IdSchemaProvider } from './IdSchemaProvider';
import { packetBuildJob, type PacketBuilder, type PacketBuildOutput } from './packetBuildJob';
import type { RegistrationCertProvider } from './RegistrationCertProvider';
import { formatRid } from './rid';

/** Made once in the composition (createAppServices, the CLI's set-up), not per build. */
export interface PacketServiceDeps {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** `<dataDir>/packets` */
  readonly packetsDir: string;
  /** runs the build: `PacketBuilderPool.build` in the app, `runPacketBuild` in process for tests/CLI */
  readonly builder: PacketBuilder;
  /** the schema for a request that names none: the latest synced one in a data dir */
  readonly idSchemas: IdSchemaProvider;
  readonly regCert: RegistrationCertProvider;
  readonly machineKeyPkcs8: Uint8Array;
  readonly host: Readonly<{ hostName: string; hostIp: string }>;
  /** server `registration.processor.max.file.size`; default 5 MiB */
  readonly maxPacketBytes?: number;
  readonly compressionLevel?: number;
  readonly fs?: DurableFs;
}

/** How a caller follows, stops and adds to one build. */
export interface PacketBuildOptions {
  /** aborting stops the build (ERR_PACKET_BUILD_CANCELLED) and leaves no file and no row */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: PacketBuildProgress) => void;
  /**
   * Runs inside the transaction that inserts the packet row: what it writes is committed with the
   * packet or not at all (the submitter stores the review summary and deletes the draft here).
   * Throwing rolls the packet back (ERR_PACKET_WRITE_FAILED).
   */
  readonly inCommit?: (packet: Readonly<{ rid: string; packetId: string }>) => void;
}

/**
 * Turns a confirmed registration into a durable, committed packet: schema check + RID → build
 * (worker) → size check → temp file, fsync, link into place → packet row + meta + outbox job +
 * audit in ONE transaction. On failure or cancel nothing is left on disk or in the packets table;
 * the caller's draft is untouched (this service never reads or writes drafts).
 */
export class PacketService {
  readonly #d: PacketServiceDeps;
  readonly #maxPacketBytes: number;

  constructor(deps: PacketServiceDeps) {
    const max = deps.maxPacketBytes ?? DEFAULT_MAX_PACKET_BYTES;
    if (!Number.isInteger(max) || max <= 0) throw new TypeError(`PacketService: maxPacketBytes must be a positive integer, got ${max}`);
    this.#d = deps;
    this.#maxPacketBytes = max;
  }

  /**
   * @throws AppError ERR_PACKET_INPUT_INVALID, ERR_PACKET_ID_SCHEMA_INVALID, ERR_PACKET_CAPTURE_MISMATCH,
   *   ERR_PACKET_REG_CERT_*, ERR_PACKET_TOO_LARGE, ERR_PACKET_DISK_FULL, ERR_PACKET_WRITE_FAILED,
   *   ERR_PACKET_BUILD_FAILED, ERR_PACKET_BUILD_CANCELLED
   */
  async build(request: PacketBuildRequest, options: PacketBuildOptions = {}): Promise<PacketBuildResult> {
    const d = this.#d;
    const { draftId, actor } = request;
    const { signal } = options;
    const report = (stage: PacketBuildStage, fraction: number) => options.onProgress?.({ draftId, stage, fraction });
    const throwIfCancelled = () => {
      if (signal?.aborted) throw new AppError('ERR_PACKET_BUILD_CANCELLED', { draftId });
    };
    let rid: string | undefined;
    try {
      throwIfCancelled();
      report('validate', 0);
      const now = d.clock.now();
      const { centreId, machineId } = request.registration;
      const job = packetBuildJob(request, {
        idSchema: request.idSchema ?? d.idSchemas.current(),
        cert: d.regCert.current(now),
        now,
        allocateRid: () => formatRid(centreId, machineId, takeRidSequence(d.db, centreId, machineId, now), now),
        machineKeyPkcs8: d.machineKeyPkcs8,
        host: d.host,
        maxPacketBytes: this.#maxPacketBytes,
        ...(d.compressionLevel === undefined ? {} : { compressionLevel: d.compressionLevel }),
      });
      rid = job.rid;
      const out = await d.builder(job, { ...(signal ? { signal } : {}), onStage: report });
      throwIfCancelled();
      report('write', 0.85);
      await mkdir(d.packetsDir, { recursive: true });
      const file = await writeFileDurably(d.packetsDir, `${out.packetId}.zip`, out.bytes, d.fs ?? nodeDurableFs);
      report('commit', 0.95);
      // a civil-registration packet keeps its createPacket content too: the file is encrypted to the
      // server, so online delivery (settings civilRegistration) could not read it back
      const crvs = CRVS_PROCESSES.has(out.process)
        ? crvsPacketContent(request.registration, { rid: out.rid, idSchema: job.idSchema, machineKeyIndex: this.#keyIndex(), host: d.host, now })
        : undefined;
      await this.#commit(request, out, file, now, { inCommit: options.inCommit, throwIfCancelled, crvs });
      report('done', 1);
      return { rid: out.rid, packetId: out.packetId, file, sha256: out.sha256, size: out.bytes.length };
    } catch (err) {
      const code = isAppError(err) ? err.code : 'ERR_INTERNAL';
      d.audit.append('PACKET_BUILD_FAILED', actor, { draftId, rid: rid ?? null, code });
      throw err;
    }
  }

  /** The row, its outbox job, the audit entry and the caller's writes, all or none; no row, no file. */
  async #commit(
    request: PacketBuildRequest, out: PacketBuildOutput, file: string, now: number,
    extra: Readonly<{ inCommit: PacketBuildOptions['inCommit']; throwIfCancelled: () => void; crvs: CrvsPacketContent | undefined }>,
  ): Promise<void> {
    const d = this.#d;
    const { inCommit, throwIfCancelled, crvs } = extra;
    try {
      // a cancel that came while the file was written: the file goes, nothing is committed
      throwIfCancelled();
      d.db.transaction(() => {
        insertPacketWithJob(d.db, {
          packet_id: out.packetId, rid: out.rid, process: out.process, centre_id: out.centreId, machine_id: out.machineId,
          file_name: `${out.packetId}.zip`, size: out.bytes.length, sha256: out.sha256, status: 'CREATED',
          // the RID sync sends additionalInfoReqId (Java client PacketSynchServiceImpl.getPacketSyncDtoList)
          meta: JSON.stringify({ subpackets: out.subpackets, additionalInfoReqId: out.additionalInfoReqId, syncContact: request.syncContact ?? null }), created_at: now,
        });
        if (crvs) insertCrvsOnline(d.db, out.packetId, crvs);
        d.audit.append('PACKET_CREATED', request.actor, { packetId: out.packetId, rid: out.rid, size: out.bytes.length, sha256: out.sha256 });
        inCommit?.({ rid: out.rid, packetId: out.packetId });
      }).immediate();
    } catch (cause) {
      await unlink(file).catch(() => undefined); // the row is not there, so the file must not be either
      if (isAppError(cause) && cause.is('ERR_PACKET_BUILD_CANCELLED')) throw cause;
      // SQLite's own full disk: the operator's remedy is the same as for the file's
      if ((cause as { code?: string }).code === 'SQLITE_FULL') throw new AppError('ERR_PACKET_DISK_FULL', { path: file }, { cause });
      throw new AppError('ERR_PACKET_WRITE_FAILED', { path: file, reason: `commit failed: ${(cause as Error).message}` }, { cause });
    }
  }

  #keyIndex(): string {
    return computeKeyIndex(createPublicKey(createPrivateKey({ key: Buffer.from(this.#d.machineKeyPkcs8), format: 'der', type: 'pkcs8' })));
  }
}
