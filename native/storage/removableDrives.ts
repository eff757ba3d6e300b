import { readdir, readFile, realpath, statfs } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RemovableDrive } from '../../schemas/exportTargets';

/** Where the OS describes mounts and block devices; tests point these at files of their own. */
export interface DriveSources {
  readonly platform: NodeJS.Platform;
  readonly mountsFile: string;
  readonly sysBlockDir: string;
  /** macOS mounts every volume under /Volumes */
  readonly volumesDir: string;
}

const SYSTEM: DriveSources = { platform: process.platform, mountsFile: '/proc/self/mounts', sysBlockDir: '/sys/class/block', volumesDir: '/Volumes' };
/** a mounts table is a few KiB; a hostile or broken one is not read whole */
const MAX_MOUNTS_BYTES = 1024 * 1024;

/**
 * The removable drives mounted now, with their free space: on Linux the mounts whose block device
 * (or the disk it is a partition of) says `removable` in sysfs, as udisks mounts USB sticks under
 * /media or /run/media; on macOS the volumes under /Volumes. Windows gets its drives from the
 * desktop app's folder picker. A drive that cannot be read is left out, never an error.
 */
export async function listRemovableDrives(sources: DriveSources = SYSTEM): Promise<RemovableDrive[]> {
  const paths = sources.platform === 'linux' ? await linuxRemovableMounts(sources) : sources.platform === 'darwin' ? await macVolumes(sources) : [];
  const drives = await Promise.all(paths.map((path) => describe(path)));
  return drives.filter((d): d is RemovableDrive => d !== undefined).sort((a, b) => a.path.localeCompare(b.path));
}

async function linuxRemovableMounts(sources: DriveSources): Promise<string[]> {
  let table: string;
  try {
    const raw = await readFile(sources.mountsFile);
    table = raw.subarray(0, MAX_MOUNTS_BYTES).toString('utf8');
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const line of table.split('\n')) {
    const [device, mountPoint] = line.split(' ');
    if (!device?.startsWith('/dev/') || mountPoint === undefined) continue;
    if (await isRemovable(sources.sysBlockDir, basename(device))) found.push(unescapeMount(mountPoint));
  }
  return [...new Set(found)];
}

/** sysfs says `1` in `removable` on the disk; a partition (sdb1) asks its disk (sdb). */
async function isRemovable(sysBlockDir: string, name: string): Promise<boolean> {
  let device: string;
  try {
    // /sys/class/block/sdb1 links to …/block/sdb/sdb1: the disk is the folder above the real path
    device = await realpath(join(sysBlockDir, name));
  } catch {
    return false;
  }
  for (const candidate of [join(device, 'removable'), join(dirname(device), 'removable')]) {
    try {
      return (await readFile(candidate, 'utf8')).trim() === '1';
    } catch {
      // not this one: a partition has no `removable` of its own
    }
  }
  return false;
}

/** /proc/mounts writes a space as \040, a tab as \011, a newline as \012 and a backslash as \134. */
function unescapeMount(path: string): string {
  return path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

async function macVolumes(sources: DriveSources): Promise<string[]> {
  try {
    const names = await readdir(sources.volumesDir);
    // the start-up disk appears there too, as a link to /
    return names.filter((n) => n !== 'Macintosh HD' && !n.startsWith('.')).map((n) => join(sources.volumesDir, n));
  } catch {
    return [];
  }
}

async function describe(path: string): Promise<RemovableDrive | undefined> {
  try {
    const fs = await statfs(path);
    return { path, label: basename(path) || path, freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize };
  } catch {
    return undefined;
  }
}
