import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppSettings, DEFAULT_SETTINGS } from '../../../../../schemas/settings';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { AuditLog } from '../../../../../electron/services/audit/AuditLog';
import type { DB } from '../../../../../electron/services/db/Database';
import { migrate } from '../../../../../electron/services/db/migrations';
import { setMeta } from '../../../../../electron/services/db/repos/meta';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { SettingsService } from '../../../../../electron/services/settings/SettingsService';
import { throwsWithCode } from '../../../../helpers/assertAppError';
import { makeTempDir } from '../../../../helpers/tempDir';
import '../../../../helpers/openTestDataDir';

describe('SettingsService', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  let audit: AuditLog;
  let settings: SettingsService;

  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
    migrate(db);
    audit = new AuditLog(db, new ManualClock());
    settings = new SettingsService({ db, audit });
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it("starts from MOSIP's defaults, Portuguese first", () => {
    assert.deepEqual(settings.get(), DEFAULT_SETTINGS);
    assert.equal(settings.get().devices.thresholds.face, 90);
  });

  it('stores a change, tells listeners, and audits exactly what changed', () => {
    const seen: AppSettings[] = [];
    settings.onDidChange((s) => void seen.push(s));
    const next = { ...DEFAULT_SETTINGS, devices: { ...DEFAULT_SETTINGS.devices, portFrom: 4600, thresholds: { ...DEFAULT_SETTINGS.devices.thresholds, finger: 55 } } };
    settings.update(next, 'supervisor1');
    assert.deepEqual(settings.get(), next);
    assert.equal(seen.length, 1);
    const [entry] = audit.recent(1);
    assert.equal(entry!.event, 'SETTINGS_CHANGED');
    assert.deepEqual(entry!.details, {
      changed: ['devices.portFrom', 'devices.thresholds.finger'],
      before: { 'devices.portFrom': 4501, 'devices.thresholds.finger': 40 },
      after: { 'devices.portFrom': 4600, 'devices.thresholds.finger': 55 },
    });
  });

  it('writes nothing when nothing changed', () => {
    settings.update(DEFAULT_SETTINGS, 'supervisor1');
    assert.equal(audit.recent(5).length, 0);
  });

  it('names the field and rule of an invalid setting', () => {
    const bad = AppSettings.safeParse({ ...DEFAULT_SETTINGS, devices: { ...DEFAULT_SETTINGS.devices, portFrom: 4700, portTo: 4600 } });
    assert.equal(bad.success, false);
    assert.deepEqual(bad.error!.issues.map((i) => [i.path.join('.'), i.message]), [['devices.portTo', 'the first port must not be after the last']]);
    const url = AppSettings.safeParse({ ...DEFAULT_SETTINGS, serverUrl: 'ftp://server' });
    assert.deepEqual(url.error!.issues.map((i) => i.path.join('.')), ['serverUrl']);
  });

  it('refuses a plain-http server address except on loopback, with the field and the rule, and stores nothing', () => {
    for (const url of ['http://mosip.example.st/', 'http://10.0.0.5:8080', 'http://127.0.0.1.example.st/', 'http://[::2]/']) {
      throwsWithCode(() => settings.update({ ...DEFAULT_SETTINGS, serverUrl: url }, 'supervisor1'), 'ERR_SYNC_SERVER_URL_INSECURE', { field: 'serverUrl', url, rule: 'plain-http-to-remote-host' });
    }
    assert.deepEqual([settings.get(), audit.recent(5).length], [DEFAULT_SETTINGS, 0]);
    for (const url of ['https://mosip.example.st/', 'http://127.0.0.1:8080', 'http://127.3.4.5/', 'http://localhost:9090', 'http://[::1]:8080/']) {
      assert.equal(settings.update({ ...DEFAULT_SETTINGS, serverUrl: url }, 'supervisor1').serverUrl, url);
    }
    assert.equal(settings.get().serverUrl, 'http://[::1]:8080/');
  });

  it('falls back to defaults when the stored value cannot be read', () => {
    setMeta(db, 'app.settings', JSON.stringify({ devices: 'nonsense' }));
    assert.deepEqual(settings.get(), DEFAULT_SETTINGS);
  });
});
