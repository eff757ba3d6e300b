/**
 * The client side of the online civil-registration SIGKILL test, run as a child process: opens the
 * client database and drains the outbox, whose READY CRVS packets go by clientidsecretkey →
 * createPacket → workflowinstance. Prints `RUN` first and `DONE <json>` when nothing is left.
 */
import { join } from 'node:path';
import { systemClock } from '../../../native/time/Clock';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { CrvsOnlineClient } from '../../../electron/services/sync/crvsOnline/CrvsOnlineClient';
import { CrvsOnlineDelivery } from '../../../electron/services/sync/crvsOnline/CrvsOnlineDelivery';
import { OutboxService } from '../../../electron/services/sync/outbox/OutboxService';
import { seededRandom } from '../../helpers/testRandom';
import { drainAndReport } from './drainAndReport';

const env = (name: string): string => process.env[name] ?? (() => { throw new Error(`${name} is required`); })();

async function main(): Promise<void> {
  const dataDir = env('CHILD_DATA_DIR');
  const db = openDatabase(join(dataDir, 't.db'), Buffer.from(env('CHILD_DB_KEY'), 'hex'));
  const client = new CrvsOnlineClient({ baseUrl: env('CHILD_SIM_URL'), clock: systemClock, timeoutMs: 3000 });
  const crvsOnline = new CrvsOnlineDelivery({
    db, clock: systemClock, client: () => client, secret: () => 'sim-opencrvs-secret',
    settings: () => ({ delivery: 'online', appId: 'regproc', clientId: 'opencrvs-partner', source: 'OPENCRVS', registry: null }),
  });
  const offline = async (): Promise<never> => {
    throw new Error('only online delivery is expected here');
  };
  const outbox = new OutboxService({
    db, audit: new AuditLog(db, systemClock), clock: systemClock, random: seededRandom(Number(env('CHILD_SEED'))).next, packetsDir: join(dataDir, 'packets'),
    // no RID sync or upload may happen; the status of delivered packets is not followed here
    server: { syncPackets: offline, uploadPacket: offline, searchStatus: async () => [] },
    reauth: offline,
    crvsOnline,
    backoff: { baseMs: 20, capMs: 200 },
  });
  await drainAndReport(outbox, db);
}

await main();
