import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listRemovableDrives, type DriveSources } from '../../../../native/storage/removableDrives';

/**
 * The USB drives an export can go to, read as Linux describes them: /proc/self/mounts and the
 * `removable` flags in /sys/class/block, here as real files in a temp folder, with real mount
 * points (temp folders) whose free space statfs reads.
 */
describe('listRemovableDrives', () => {
  let dir: string;
  let sources: DriveSources;
  const mount = (name: string) => {
    const path = join(dir, 'media', name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  /** as sysfs lays it out: devices/<disk>[/<partition>], and class/block/<name> linking to it */
  const block = (name: string, removable?: '0' | '1', parent?: string) => {
    const path = parent ? join(dir, 'devices', parent, name) : join(dir, 'devices', name);
    mkdirSync(path, { recursive: true });
    mkdirSync(join(dir, 'sys'), { recursive: true });
    symlinkSync(path, join(dir, 'sys', name));
    if (removable !== undefined) writeFileSync(join(path, 'removable'), `${removable}\n`);
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'drives-'));
    sources = { platform: 'linux', mountsFile: join(dir, 'mounts'), sysBlockDir: join(dir, 'sys'), volumesDir: join(dir, 'Volumes') };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the mounted partitions of removable disks, with the name and free space, and nothing else', async () => {
    const stick = mount('USB STICK');
    const card = mount('SDCARD');
    const system = mount('root');
    block('sdb', '1');
    block('sdb1', undefined, 'sdb'); // a partition asks its disk
    block('mmcblk0', '1');
    block('mmcblk0p1', undefined, 'mmcblk0');
    block('sda', '0');
    block('sda2', undefined, 'sda');
    block('sdc', '1'); // removable, but its mount point is gone
    writeFileSync(
      sources.mountsFile,
      [
        `/dev/sda2 ${system} ext4 rw,relatime 0 0`,
        'tmpfs /run tmpfs rw,nosuid 0 0',
        `/dev/sdb1 ${stick.replace(' ', '\\040')} vfat rw,nosuid,nodev 0 0`,
        `/dev/mmcblk0p1 ${card} exfat rw 0 0`,
        `/dev/sdc ${join(dir, 'media', 'vanished')} vfat rw 0 0`,
        '',
      ].join('\n'),
    );
    const drives = await listRemovableDrives(sources);
    assert.deepEqual(drives.map((d) => [d.path, d.label]), [[card, 'SDCARD'], [stick, 'USB STICK']]);
    for (const d of drives) assert.ok(d.totalBytes > 0 && d.freeBytes > 0 && d.freeBytes <= d.totalBytes, JSON.stringify(d));
  });

  it('answers no drives, not an error, when the mounts table cannot be read, and on Windows', async () => {
    assert.deepEqual(await listRemovableDrives({ ...sources, mountsFile: join(dir, 'no-such-file') }), []);
    assert.deepEqual(await listRemovableDrives({ ...sources, platform: 'win32' }), []);
  });

  it('lists macOS volumes except the start-up disk', async () => {
    mkdirSync(join(dir, 'Volumes', 'Macintosh HD'), { recursive: true });
    mkdirSync(join(dir, 'Volumes', 'KINGSTON'), { recursive: true });
    const drives = await listRemovableDrives({ ...sources, platform: 'darwin' });
    assert.deepEqual(drives.map((d) => d.label), ['KINGSTON']);
  });
});
