import { systemClock } from '../../../native/time/Clock';
import type { DB } from '../../../electron/services/db/Database';
import type { OutboxService } from '../../../electron/services/sync/outbox/OutboxService';

/**
 * The killed children's side of the SIGKILL harness (test/helpers/sigkillChild.ts): prints `RUN`
 * as it starts sending, drains the outbox (20 s at most), prints `DONE {uploaded, parked,
 * stoppedBy}` when nothing is left, and closes the database.
 */
export async function drainAndReport(outbox: OutboxService, db: DB): Promise<void> {
  process.stdout.write('RUN\n');
  const summary = await outbox.drain({ deadline: systemClock.now() + 20_000 });
  process.stdout.write(`DONE ${JSON.stringify({ uploaded: summary.uploaded.length, parked: summary.parked, stoppedBy: summary.stoppedBy })}\n`);
  db.close();
}
