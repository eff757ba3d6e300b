import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CrvsEvent } from '../../../schemas/crvsBridge';
import { insertCrvsEvent, patchCrvsEvent } from '../../../electron/services/db/repos/crvsEvents';
import { runCliWithEnv } from '../sync/cliTestBed';
import { openWithOperators, readDataDir } from './cliDataDir';

/** `regclient crvs list` / `crvs replay` and the bridge's refusals before it listens. */
describe('regclient crvs and bridge commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-crvs-'));
  const dataDir = join(dir, 'client');
  const cli = (argv: readonly string[], password = 'Supervisor#2026') => runCliWithEnv(['--data-dir', dataDir, ...argv], { REGCLIENT_PASSWORD: password });
  const audit = () => readDataDir(dataDir, (data) => data.audit.recent(50));

  before(async () => {
    const data = await openWithOperators(dataDir);
    try {
      const now = data.clock.now();
      for (const [id, kind, number] of [['birth-1', 'BIRTH', 'AG-1'], ['death-1', 'DEATH', 'OB-1']] as const) insertCrvsEvent(data.db, { eventId: id, trackingId: id, kind, registrationNumber: number, payload: '{}' }, now);
      patchCrvsEvent(data.db, 'birth-1', 'RECEIVED', { state: 'PARKED', lastErrorCode: 'ERR_PACKET_INPUT_INVALID' }, now);
      patchCrvsEvent(data.db, 'death-1', 'RECEIVED', { state: 'QUEUED', rid: '10001100020000120261122090000' }, now);
    } finally {
      data.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists events with state, AID and problem; exits 4 while one is parked; --json is the event array', async () => {
    const table = await cli(['crvs', 'list']);
    assert.equal(table.code, 4, table.err);
    assert.match(table.out, /birth-1\s+BIRTH\s+PARKED\s+-\s+-\s+-\s+ERR_PACKET_INPUT_INVALID/);
    assert.match(table.out, /death-1\s+DEATH\s+QUEUED\s+10001100020000120261122090000\s+-\s+no/);
    const json = JSON.parse((await cli(['crvs', 'list', '--json', '--state', 'queued'])).out) as CrvsEvent[];
    assert.deepEqual(json.map((e) => [e.eventId, e.rid]), [['death-1', '10001100020000120261122090000']]);
    assert.equal((await cli(['crvs', 'list', '--state', 'LOST'])).code, 2);
  });

  it('replays a parked event for a supervisor only, audited; refuses one that is not parked', async () => {
    assert.equal((await cli(['crvs', 'replay', 'birth-1'])).code, 2, 'no --user');
    const officer = await cli(['crvs', 'replay', 'birth-1', '--user', 'officer1'], 'Officer#2026');
    assert.match(officer.err, /ERR_SYNC_NOT_SUPERVISOR/);
    assert.match((await cli(['crvs', 'replay', 'birth-1', '--user', 'supervisor1'], 'wrong-password')).err, /ERR_AUTH/);
    assert.equal(audit().filter((a) => a.event === 'CRVS_EVENT_REPLAYED').length, 0);
    const ok = await cli(['crvs', 'replay', 'birth-1', '--user', 'supervisor1', '--json']);
    assert.equal(ok.code, 0, ok.err);
    assert.equal((JSON.parse(ok.out) as CrvsEvent).state, 'RECEIVED');
    assert.deepEqual(audit().filter((a) => a.event === 'CRVS_EVENT_REPLAYED').map((a) => a.actor), ['supervisor1']);
    assert.match((await cli(['crvs', 'replay', 'death-1', '--user', 'supervisor1'])).err, /ERR_CRVS_EVENT_NOT_PARKED/);
    assert.match((await cli(['crvs', 'replay', 'birth-9', '--user', 'supervisor1'])).err, /ERR_CRVS_EVENT_NOT_FOUND/);
  });

  it('refuses a bad --listen (exit 2) and a data folder without bridge init (exit 3) before listening', async () => {
    const bad = await cli(['--server', 'http://127.0.0.1:9', 'bridge', '--listen', 'localhost', '--user', 'supervisor1']);
    assert.deepEqual([bad.code, /ERR_CRVS_LISTEN_INVALID/.test(bad.err)], [2, true], bad.err);
    const bare = await cli(['--server', 'http://127.0.0.1:9', 'bridge', '--listen', '127.0.0.1:0', '--user', 'supervisor1']);
    assert.deepEqual([bare.code, /ERR_CRVS_NOT_CONFIGURED/.test(bare.err)], [3, true], bare.err);
  });
});
