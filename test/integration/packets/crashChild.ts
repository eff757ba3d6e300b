/**
 * Child process of packetCrash.test.ts: opens the data dir as the app would at startup (migrate,
 * leftover cleanup), then builds `count` packets, printing every progress stage so the parent can
 * SIGKILL it at a random point. Not a test file itself.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import { systemClock } from '../../../native/time/Clock';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { migrate } from '../../../electron/services/db/migrations';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { cleanupPacketLeftovers } from '../../../electron/services/packets/leftoverCleanup';
import { fixedIdSchema } from '../../../electron/services/packets/IdSchemaProvider';
import { runPacketBuild } from '../../../electron/services/packets/packetBuildJob';
import { PacketService } from '../../../electron/services/packets/PacketService';
import { fixedRegistrationCert } from '../../../electron/services/packets/RegistrationCertProvider';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { packetRequest } from '../../helpers/packetRequest';

const [dataDir, countText] = process.argv.slice(2) as [string, string];
const db = openDatabase(join(dataDir, 'regclient.db'), Buffer.from(readFileSync(join(dataDir, 'db.key', ), 'utf8'), 'hex'));
migrate(db);
const audit = new AuditLog(db, systemClock);
const packetsDir = join(dataDir, 'packets');
const cleanup = await cleanupPacketLeftovers(db, audit, packetsDir);
process.stdout.write(`cleanup ${JSON.stringify(cleanup)}\n`);
const service = new PacketService({
  db, audit, clock: systemClock, packetsDir, builder: runPacketBuild, idSchemas: fixedIdSchema(parseIdSchema(SAMPLE_ID_SCHEMA)),
  regCert: fixedRegistrationCert(readFileSync(join(dataDir, 'reg.crt.pem'), 'utf8')),
  machineKeyPkcs8: createPrivateKey(readFileSync(join(dataDir, 'machine.key.pem'), 'utf8')).export({ format: 'der', type: 'pkcs8' }),
  host: { hostName: 'crash', hostIp: '127.0.0.1' },
});
const input = sampleRegistration({ now: Date.now() });
for (let i = 0; i < Number(countText); i++) {
  const r = await service.build(packetRequest(`draft-${i}`, input, 'operator1'), { onProgress: (p) => process.stdout.write(`stage ${p.stage}\n`) });
  process.stdout.write(`built ${r.packetId}\n`);
}
db.close();
