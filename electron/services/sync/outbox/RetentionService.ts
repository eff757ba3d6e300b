import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { RetentionSpace } from '../../../../schemas/outbox';
import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { getConfigValue } from '../../db/repos/syncConfig';
import { listOutboxInStates, patchOutbox, retentionCandidates } from '../../db/repos/outbox';
import { deletePacketSummary } from '../../db/repos/packetSummaries';

/** MOSIP `mosip.registration.reg_deletion_configured_days` (default 1, incumbent §5.4). */
export const RETENTION_KEY = 'mosip.registration.reg_deletion_configured_days';
const DELETABLE_STATUSES = ['PROCESSED', 'ACCEPTED', 'UIN_GENERATED'] as const;
const DELETABLE: ReadonlySet<string> = new Set(DELETABLE_STATUSES);

/**
 * Deletes packet files a configurable number of days after the server reported PROCESSED or
 * ACCEPTED, with their review summaries (personal data, like MOSIP's acknowledgement file); the
 * packet and outbox rows (metadata, statuses) stay, marked `fileDeletedAt`, and each deletion is
 * audited. A rejected packet keeps its summary as long as its file: the decision stays reviewable. A file already gone is recorded the same way, not treated as a failure.
 */
export class RetentionService {
  readonly #o: Readonly<{ db: DB; audit: AuditLog; clock: Clock; packetsDir: string; days?: number }>;

  constructor(options: Readonly<{ db: DB; audit: AuditLog; clock: Clock; packetsDir: string; days?: number }>) {
    if (options.days !== undefined && !(Number.isInteger(options.days) && options.days >= 0)) throw new TypeError(`RetentionService: days must be an integer >= 0, got ${options.days}`);
    this.#o = options;
  }

  /** Days files are kept: the constructor's value, else the synced config, else 1. */
  get days(): number {
    if (this.#o.days !== undefined) return this.#o.days;
    const synced = Number(getConfigValue(this.#o.db, RETENTION_KEY));
    return Number.isInteger(synced) && synced >= 0 ? synced : 1;
  }

  /** What {@link run} would free now, and what it frees later as retention days pass: counted in SQL, nothing read from disk. */
  space(): RetentionSpace {
    const days = this.days;
    return { days, ...retentionCandidates(this.#o.db, DELETABLE_STATUSES, this.#o.clock.now() - days * 86_400_000) };
  }

  /** Deletes every file past its retention; returns the RIDs whose files went. */
  async run(): Promise<string[]> {
    const { db, audit, clock } = this.#o;
    const cutoff = clock.now() - this.days * 86_400_000;
    const due = listOutboxInStates(db, ['DONE']).filter((r) => r.fileDeletedAt === null && r.serverStatus !== null && DELETABLE.has(r.serverStatus) && (r.serverStatusAt ?? Infinity) <= cutoff);
    const deleted: string[] = [];
    for (const item of due) {
      const path = join(this.#o.packetsDir, item.fileName);
      let existed = true;
      try {
        await unlink(path);
      } catch (err) {
        if ((err as { code?: string }).code !== 'ENOENT') throw err;
        existed = false;
      }
      db.transaction(() => {
        patchOutbox(db, item.packetId, 'DONE', { fileDeletedAt: clock.now() }, clock.now());
        // the review summary goes with the file, as MOSIP deletes the acknowledgement with the packet
        const hadSummary = deletePacketSummary(db, item.packetId);
        audit.append('PACKET_FILE_DELETED', null, { packetId: item.packetId, rid: item.rid, serverStatus: item.serverStatus, existed, hadSummary });
      })();
      deleted.push(item.rid);
    }
    return deleted;
  }
}
