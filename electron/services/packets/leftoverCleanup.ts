import { link, mkdir, readdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { knownPacketFiles } from '../db/repos/packets';
import { PART_SUFFIX, syncDirectory } from './durableFile';

/** Folder (beside `packets/`) where startup cleanup moves complete packet files no row references. */
export const QUARANTINE_DIR = 'quarantine';

export interface LeftoverReport {
  /** temp files of builds that never finished */
  readonly partials: readonly string[];
  /** complete files whose transaction never committed (moved to {@link LeftoverReport.quarantineDir}) */
  readonly orphans: readonly string[];
  /** rows whose file is gone (kept: a person must look; the sync engine will report them) */
  readonly missing: readonly string[];
  /** where the orphans went */
  readonly quarantineDir: string;
}

/**
 * Startup reconciliation of `<dataDir>/packets` against the `packets` table (STYLE rule 46):
 * deletes partial temp files (never complete, never shown to anyone) and MOVES complete packet
 * files no row references to `<dataDir>/quarantine/`, auditing each. A complete file without a row
 * is not always a build that failed: if a power cut rolled back a commit whose receipt was already
 * shown, the fsynced file is the only copy of that registration, so it is never deleted here.
 * Must run before any build starts (at app start, under the single-instance lock): a build
 * between placing its file and committing would look like an orphan.
 */
export async function cleanupPacketLeftovers(db: DB, audit: AuditLog, packetsDir: string, quarantineDir = join(dirname(packetsDir), QUARANTINE_DIR)): Promise<LeftoverReport> {
  const known = knownPacketFiles(db);
  let names: string[];
  try {
    names = await readdir(packetsDir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { partials: [], orphans: [], missing: [...known], quarantineDir };
    throw err;
  }
  const partials = names.filter((n) => n.endsWith(PART_SUFFIX));
  const orphans = names.filter((n) => n.endsWith('.zip') && !known.has(n));
  for (const file of partials) {
    await unlink(join(packetsDir, file));
    audit.append('PACKET_LEFTOVER_REMOVED', null, { file, reason: 'partial' });
  }
  if (orphans.length > 0) await mkdir(quarantineDir, { recursive: true });
  for (const file of orphans) {
    const movedTo = await quarantine(packetsDir, file, quarantineDir);
    audit.append('PACKET_LEFTOVER_REMOVED', null, { file, reason: 'uncommitted', movedTo });
  }
  if (partials.length + orphans.length > 0) await syncDirectory(packetsDir);
  const present = new Set(names);
  const missing = [...known].filter((f) => !present.has(f));
  return { partials, orphans, missing, quarantineDir };
}

/**
 * Moves `file` into `quarantineDir` without ever replacing a file already there (a link fails on
 * an existing name, a rename would not): `<file>`, else `<file>.1`, `.2`, … The new name is made
 * durable before the old one goes, so a crash in between leaves two copies, never none.
 */
async function quarantine(packetsDir: string, file: string, quarantineDir: string): Promise<string> {
  for (let n = 0; ; n += 1) {
    const target = join(quarantineDir, n === 0 ? file : `${file}.${n}`);
    try {
      await link(join(packetsDir, file), target);
    } catch (err) {
      if ((err as { code?: string }).code === 'EEXIST') continue;
      throw err;
    }
    await syncDirectory(quarantineDir);
    await unlink(join(packetsDir, file));
    return target;
  }
}

/** Files waiting in the quarantine folder for a person (`regclient doctor`); 0 when it does not exist. */
export async function countQuarantined(quarantineDir: string): Promise<number> {
  try {
    return (await readdir(quarantineDir)).length;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return 0;
    throw err;
  }
}
