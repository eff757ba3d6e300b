import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { knownPacketFiles } from '../db/repos/packets';
import { PART_SUFFIX } from './durableFile';

export interface LeftoverReport {
  /** temp files of builds that never finished */
  readonly partials: readonly string[];
  /** complete files whose transaction never committed */
  readonly orphans: readonly string[];
  /** rows whose file is gone (kept: a person must look; the sync engine will report them) */
  readonly missing: readonly string[];
}

/**
 * Startup reconciliation of `<dataDir>/packets` against the `packets` table (STYLE rule 46):
 * removes partial temp files and packet files no row references, and audits each removal.
 * Must run before any build starts (at app start, under the single-instance lock): a build
 * between placing its file and committing would look like an orphan.
 */
export async function cleanupPacketLeftovers(db: DB, audit: AuditLog, packetsDir: string): Promise<LeftoverReport> {
  const known = knownPacketFiles(db);
  let names: string[];
  try {
    names = await readdir(packetsDir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { partials: [], orphans: [], missing: [...known] };
    throw err;
  }
  const partials = names.filter((n) => n.endsWith(PART_SUFFIX));
  const orphans = names.filter((n) => n.endsWith('.zip') && !known.has(n));
  for (const [file, reason] of [...partials.map((f) => [f, 'partial'] as const), ...orphans.map((f) => [f, 'uncommitted'] as const)]) {
    await unlink(join(packetsDir, file));
    audit.append('PACKET_LEFTOVER_REMOVED', null, { file, reason });
  }
  const present = new Set(names);
  const missing = [...known].filter((f) => !present.has(f));
  return { partials, orphans, missing };
}
