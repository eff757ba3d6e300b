import type { OutboxState } from '../../schemas/outbox';
import type { DB } from '../../electron/services/db/Database';
import { insertPacketWithJob } from '../../electron/services/db/repos/packets';
import { insertPacketSummary } from '../../electron/services/db/repos/packetSummaries';
import { openMigratedDb } from './migratedDb';
import type { TestRandom } from './testRandom';

/** One seeded packet as the test knows it (its oracle). */
export interface SeededRow {
  readonly packetId: string;
  readonly rid: string;
  readonly createdAt: number;
  readonly state: OutboxState;
  readonly process: string;
  readonly name: string;
}

const NAMES = ['Ana Conceição', 'João Neves', 'Maria Trovoada', 'Zé Ramos', 'Inês da Graça'];
const STATES: readonly OutboxState[] = ['PENDING', 'ON_HOLD', 'READY', 'PARKED', 'DONE'];

/**
 * Inserts `count` packets through the repository functions (packet row, outbox job, summary), with
 * creation times drawn from few distinct values so ties are common and the tiebreak is exercised.
 */
export function seedListRows(db: DB, random: TestRandom, count: number, base = 1_760_000_000_000, offset = 0): SeededRow[] {
  const rows: SeededRow[] = [];
  db.transaction(() => {
    for (let n = offset; n < offset + count; n++) {
      const rid = `1000110002${String(n).padStart(5, '0')}20261202093000`;
      const packetId = `${rid}-10001_10002`;
      const row: SeededRow = { packetId, rid, createdAt: base + random.int(20) * 60_000, state: STATES[random.int(STATES.length)]!, process: random.int(3) === 0 ? 'UPDATE' : 'NEW', name: NAMES[random.int(NAMES.length)]! };
      insertPacketWithJob(db, { packet_id: packetId, rid, process: row.process, centre_id: '10001', machine_id: '10002', file_name: `${packetId}.zip`, size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: row.createdAt });
      db.prepare('UPDATE outbox SET state = ? WHERE packet_id = ?').run(row.state, packetId);
      insertPacketSummary(db, { packet_id: packetId, rid, json: JSON.stringify({ residentName: { por: row.name, eng: row.name.toUpperCase() } }), created_at: row.createdAt });
      rows.push(row);
    }
  })();
  return rows;
}

/** A fresh encrypted database at the latest schema in a temp dir; `close` removes it. */
export function openListDb(): { db: DB; close: () => void } {
  return openMigratedDb();
}

/** The oracle's order: creation time, then packet id. */
export function byKey(a: SeededRow, b: SeededRow): number {
  return a.createdAt - b.createdAt || (a.packetId < b.packetId ? -1 : a.packetId > b.packetId ? 1 : 0);
}
