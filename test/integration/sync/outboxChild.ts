/**
 * The client side of the SIGKILL test, run as a child process: opens the client database, logs in,
 * and drains the outbox against the simulator. Prints `RUN` once it starts sending (the parent
 * kills it at a random moment after that) and `DONE <json>` when nothing is left.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeKeyIndex } from '../../../native/keystore/keyIndex';
import { systemClock } from '../../../native/time/Clock';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { OutboxService } from '../../../electron/services/sync/outbox/OutboxService';
import { MosipSyncService } from '../../../electron/services/sync/MosipSyncService';
import { RegProcClient } from '../../../electron/services/sync/RegProcClient';
import { seededRandom } from '../../helpers/testRandom';
import { drainAndReport } from './drainAndReport';

const env = (name: string): string => process.env[name] ?? (() => { throw new Error(`${name} is required`); })();

async function main(): Promise<void> {
  const dataDir = env('CHILD_DATA_DIR');
  const db = openDatabase(join(dataDir, 't.db'), Buffer.from(env('CHILD_DB_KEY'), 'hex'));
  const privateKey = createPrivateKey(readFileSync(join(dataDir, 'machine.pem')));
  const publicKey = createPublicKey(privateKey);
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
  const machineKey = { privateKey, publicKey, spkiDer, keyIndex: computeKeyIndex(spkiDer) };
  const service = new MosipSyncService({ db, clock: systemClock, machineKey, centreId: '10001', machineId: '10002', serverUrl: env('CHILD_SIM_URL'), dataDir, timeoutMs: 3000 });
  await service.login('officer1', 'Officer#2026');
  const regproc = new RegProcClient({ http: service.http, clock: systemClock, refId: '10001_10002', registrationCertPem: readFileSync(join(dataDir, 'registration.pem'), 'utf8') });
  const outbox = new OutboxService({
    db, audit: new AuditLog(db, systemClock), clock: systemClock, random: seededRandom(Number(env('CHILD_SEED'))).next, packetsDir: join(dataDir, 'packets'), server: regproc,
    reauth: async () => void (await service.login('officer1', 'Officer#2026')),
    backoff: { baseMs: 20, capMs: 200 },
  });
  await drainAndReport(outbox, db);
}

await main();
