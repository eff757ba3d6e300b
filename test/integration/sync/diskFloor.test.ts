import assert from 'node:assert/strict';
import { statfsSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppSettings, DEFAULT_SETTINGS } from '../../../schemas/settings';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { openRealBackEnd, type RealBackEnd } from '../../helpers/realBackEnd';

const MB = 1024 * 1024;

describe("a nearly full disk refuses new registrations at the supervisor's floor (issue 17, item 5)", () => {
  let backEnd: RealBackEnd;
  beforeEach(async () => {
    backEnd = await openRealBackEnd();
  });
  afterEach(() => backEnd.close());

  it('refuses a new registration when the free space is under the floor, and allows it again under a lower floor', async () => {
    const fs = statfsSync(backEnd.dataDir);
    const freeMb = Math.floor((fs.bavail * fs.bsize) / MB);
    // a floor above what this disk has free: the disk is "nearly full" for this setting
    backEnd.updateSettings((s) => ({ ...s, minFreeDiskMb: freeMb + 1000 }));
    const refused = await rejectsWithCode(backEnd.api['drafts.create']({ process: 'NEW', languages: ['por', 'eng'] }), 'ERR_SYNC_LIMIT_DISK_SPACE');
    assert.equal((refused.details as { minMb: number }).minMb, freeMb + 1000);
    backEnd.updateSettings((s) => ({ ...s, minFreeDiskMb: 20 }));
    const { draftId } = await backEnd.api['drafts.create']({ process: 'NEW', languages: ['por', 'eng'] });
    assert.ok(draftId);
  });

  it('has a sane default, and refuses a floor too low to protect a build, naming the field', () => {
    assert.equal(AppSettings.parse({ ...DEFAULT_SETTINGS, minFreeDiskMb: undefined }).minFreeDiskMb, 500);
    const low = AppSettings.safeParse({ ...DEFAULT_SETTINGS, minFreeDiskMb: 10 });
    assert.equal(low.success, false);
    assert.deepEqual(low.error?.issues.map((i) => [i.path.join('.'), i.message]), [['minFreeDiskMb', 'at least 20 MB']]);
  });
});
