import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../schemas/errors';
import type { PacketBuildProgress, PacketBuildResult } from '../../../schemas/packet';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { latestIdSchema } from '../db/repos/idSchemas';
import type { PacketBuilder } from './PacketBuilderPool';
import { PacketService, type PacketCommitOptions } from './PacketService';

/** Where sync writes the server's REGISTRATION certificate inside a data dir. */
export const REGISTRATION_CERT_PATH = join('certs', 'REGISTRATION.pem');

export interface DataDirPacketBuilderDeps {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly packetsDir: string;
  readonly machineKeyPkcs8: Uint8Array;
  readonly builder: PacketBuilder;
  readonly host: Readonly<{ hostName: string; hostIp: string }>;
  readonly maxPacketBytes?: number;
}

/**
 * Builds packets with what this data dir holds at the moment of the build: the latest synced ID
 * schema (the bundled sample until the first sync) and the synced REGISTRATION certificate, which
 * may arrive after the app started.
 */
export class DataDirPacketBuilder {
  readonly #deps: DataDirPacketBuilderDeps;

  constructor(deps: DataDirPacketBuilderDeps) {
    this.#deps = deps;
  }

  /**
   * `options.idSchema`: the schema the registration was entered against (a registration form
   * passes its bundle's, so form and packet never disagree); default the latest synced one.
   * `options.inCommit`: see PacketCommitOptions.
   * @throws AppError ERR_PACKET_REG_CERT_MISSING and every code PacketService.build throws
   */
  async build(draftId: string, input: unknown, actor: string, onProgress?: (p: PacketBuildProgress) => void, options: Readonly<{ idSchema?: unknown }> & PacketCommitOptions = {}): Promise<PacketBuildResult> {
    const d = this.#deps;
    const certPath = join(d.dataDir, REGISTRATION_CERT_PATH);
    let regCertPem: string;
    try {
      regCertPem = readFileSync(certPath, 'utf8');
    } catch (cause) {
      throw new AppError('ERR_PACKET_REG_CERT_MISSING', { path: certPath }, { cause });
    }
    const synced = latestIdSchema(d.db);
    const idSchema: unknown = options.idSchema ?? (synced ? JSON.parse(synced.schemaJson) : SAMPLE_ID_SCHEMA);
    const service = new PacketService({
      db: d.db,
      audit: d.audit,
      clock: d.clock,
      packetsDir: d.packetsDir,
      builder: d.builder,
      idSchema,
      regCertPem,
      machineKeyPkcs8: d.machineKeyPkcs8,
      host: d.host,
      ...(d.maxPacketBytes === undefined ? {} : { maxPacketBytes: d.maxPacketBytes }),
    });
    return service.build(draftId, input, actor, onProgress, {
      ...(options.inCommit ? { inCommit: options.inCommit } : {}),
      ...(options.syncContact ? { syncContact: options.syncContact } : {}),
    });
  }
}
