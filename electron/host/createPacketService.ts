import { hostname } from 'node:os';
import { join } from 'node:path';
import { LatestIdSchema, type IdSchemaProvider } from '../services/packets/IdSchemaProvider';
import type { PacketBuilder } from '../services/packets/packetBuildJob';
import { PacketService } from '../services/packets/PacketService';
import { REGISTRATION_CERT_PATH, RegistrationCertFile, type RegistrationCertProvider } from '../services/packets/RegistrationCertProvider';
import { PACKETS_DIR, type OpenedDataDir } from './openDataDir';

/** What a composition may choose; the rest comes from the data dir. */
export interface DataDirPacketServiceOptions {
  /** `PacketBuilderPool.build` in the app, `runPacketBuild` in the CLI */
  readonly builder: PacketBuilder;
  /** default: the latest synced ID schema, MOSIP's sample until the first sync */
  readonly idSchemas?: IdSchemaProvider;
  /** default: the data dir's synced REGISTRATION certificate (a caller that checked it first passes its own) */
  readonly regCert?: RegistrationCertProvider;
  /** default `<dataDir>/packets` */
  readonly packetsDir?: string;
  readonly maxPacketBytes?: number;
}

/**
 * The packet service over an opened data dir, made once by a composition (the app's
 * createAppServices, the CLI's `packet build`): its certificate and ID schema are what the data
 * dir holds at each build, since a sync may bring them after the start.
 */
export function createPacketService(data: OpenedDataDir, o: DataDirPacketServiceOptions): PacketService {
  return new PacketService({
    db: data.db,
    audit: data.audit,
    clock: data.clock,
    packetsDir: o.packetsDir ?? join(data.dataDir, PACKETS_DIR),
    builder: o.builder,
    idSchemas: o.idSchemas ?? new LatestIdSchema(data.db),
    regCert: o.regCert ?? new RegistrationCertFile(join(data.dataDir, REGISTRATION_CERT_PATH)),
    machineKeyPkcs8: data.machineKey.privateKey.export({ format: 'der', type: 'pkcs8' }),
    host: { hostName: hostname(), hostIp: '127.0.0.1' },
    ...(o.maxPacketBytes === undefined ? {} : { maxPacketBytes: o.maxPacketBytes }),
  });
}
