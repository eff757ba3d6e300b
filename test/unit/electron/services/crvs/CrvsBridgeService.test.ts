import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { CrvsEvent } from '../../../../../schemas/crvsBridge';
import { AppError } from '../../../../../schemas/errors';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { openDataDir, type OpenedDataDir } from '../../../../../electron/host/openDataDir';
import { CrvsBridgeService } from '../../../../../electron/services/crvs/CrvsBridgeService';
import { parseInteropPayload } from '../../../../../electron/services/crvs/parseInteropPayload';
import type { CrvsEventRecord } from '../../../../../electron/services/db/repos/crvsEvents';
import { patchCrvsEvent } from '../../../../../electron/services/db/repos/crvsEvents';
import { birthEvent, deathEvent } from '../../../../sims/opencrvs/payloads';
import { throwsWithCode } from '../../../../helpers/assertAppError';

/** The bridge's event steps on a real encrypted SQLite data dir, with its two outside ends faked. */
describe('CrvsBridgeService', () => {
  let dir: string;
  let data: OpenedDataDir;
  let clock: ManualClock;
  let deliver: (e: CrvsEventRecord) => Promise<string>;
  let confirm: (e: Readonly<CrvsEvent>) => Promise<void>;
  let service: CrvsBridgeService;
  const event = (n: number) => parseInteropPayload(Buffer.from(JSON.stringify(birthEvent(n, clock.now(), '2345678906'))));
  const row = (id: string) => service.list().find((e) => e.eventId === id)!;
  const queueAs = (rid: string) => async (e: CrvsEventRecord) => {
    patchCrvsEvent(data.db, e.eventId, 'RECEIVED', { state: 'QUEUED', rid }, clock.now());
    return rid;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crvs-service-'));
    clock = new ManualClock();
    data = openDataDir({ dataDir: dir, env: {}, clock });
    deliver = queueAs('10001100020000120261122090000');
    confirm = async () => undefined;
    service = new CrvsBridgeService({ db: data.db, audit: data.audit, clock, delivery: { deliver: (e) => deliver(e) }, confirmer: { confirm: (e) => confirm(e) }, random: () => 0.5, backoff: { baseMs: 1000, capMs: 60_000 } });
  });
  afterEach(() => {
    data.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an event once, audited once', () => {
    assert.equal(service.accept(event(1)), true);
    assert.equal(service.accept(event(1)), false);
    assert.equal(service.list().length, 1);
    assert.equal(data.audit.recent(20).filter((a) => a.event === 'CRVS_EVENT_RECEIVED').length, 1);
  });

  it('queues, issues (once), then confirms; a death is marked deceased', async () => {
    service.accept(parseInteropPayload(Buffer.from(JSON.stringify(deathEvent(1, clock.now(), '2345678906')))));
    assert.deepEqual(await service.pass(), { delivered: 1, confirmed: 0, failed: 0 });
    assert.equal(service.issue('10001100020000120261122090000', '2345678906'), 'issued');
    assert.equal(service.issue('10001100020000120261122090000', '2345678906'), 'already', 'a redelivered credential changes nothing');
    assert.equal(service.issue('10001100020000120261122099999', '1'), 'unknown');
    const confirmed: CrvsEvent[] = [];
    confirm = async (e) => void confirmed.push(e);
    assert.deepEqual(await service.pass(), { delivered: 0, confirmed: 1, failed: 0 });
    assert.deepEqual([row('death-1').state, row('death-1').deceased, confirmed[0]?.nationalId], ['CONFIRMED', true, '2345678906']);
  });

  it('retries a failed confirmation after its backoff, not before', async () => {
    service.accept(event(1));
    await service.pass();
    service.issue('10001100020000120261122090000', '5432109876');
    confirm = async () => {
      throw new AppError('ERR_CRVS_CONFIRM_FAILED', { eventId: 'birth-1', reason: 'HTTP 503' });
    };
    assert.deepEqual(await service.pass(), { delivered: 0, confirmed: 0, failed: 1 });
    assert.deepEqual([row('birth-1').state, row('birth-1').lastErrorCode], ['ISSUED', 'ERR_CRVS_CONFIRM_FAILED']);
    confirm = async () => undefined;
    assert.deepEqual(await service.pass(), { delivered: 0, confirmed: 0, failed: 0 }, 'not yet due');
    clock.advance(500); // random 0.5 × base 1000
    assert.deepEqual(await service.pass(), { delivered: 0, confirmed: 1, failed: 0 });
  });

  it('parks an event the packet engine refuses, and a supervisor replays it, audited', async () => {
    service.accept(event(1));
    deliver = async () => {
      throw new AppError('ERR_PACKET_INPUT_INVALID', { issues: [], first: 'demographics.region: required' });
    };
    await service.pass();
    assert.deepEqual([row('birth-1').state, row('birth-1').lastErrorCode], ['PARKED', 'ERR_PACKET_INPUT_INVALID']);
    deliver = queueAs('10001100020000120261122090000');
    assert.deepEqual(await service.pass(), { delivered: 0, confirmed: 0, failed: 0 }, 'a parked event waits for a person');
    throwsWithCode(() => service.replay('birth-9', 'supervisor1'), 'ERR_CRVS_EVENT_NOT_FOUND', { eventId: 'birth-9' });
    assert.equal(service.replay('birth-1', 'supervisor1').state, 'RECEIVED');
    throwsWithCode(() => service.replay('birth-1', 'supervisor1'), 'ERR_CRVS_EVENT_NOT_PARKED', { eventId: 'birth-1', state: 'RECEIVED' });
    assert.deepEqual(await service.pass(), { delivered: 1, confirmed: 0, failed: 0 });
    const replayed = data.audit.recent(20).find((a) => a.event === 'CRVS_EVENT_REPLAYED');
    assert.deepEqual([replayed?.actor, replayed?.details], ['supervisor1', { eventId: 'birth-1', to: 'RECEIVED' }]);
  });

  it('records a revoked death parked (no MOSIP API for a reversal) and a revoked birth reported, audited; never delivers them', async () => {
    service.accept(parseInteropPayload(Buffer.from(JSON.stringify(deathEvent(1, clock.now(), '2345678906')))));
    service.accept(event(1));
    throwsWithCode(() => service.revoke({ eventId: 'rev-9', revokes: 'death-9', reason: 'error' }), 'ERR_CRVS_EVENT_NOT_FOUND', { eventId: 'death-9' });
    assert.equal(service.list().length, 2, 'nothing stored for an unknown event');
    assert.equal(service.revoke({ eventId: 'rev-1', revokes: 'death-1', reason: 'registered against the wrong person' }), true);
    assert.equal(service.revoke({ eventId: 'rev-1', revokes: 'death-1', reason: 'again' }), false);
    assert.equal(service.revoke({ eventId: 'rev-2', revokes: 'birth-1', reason: 'fraud' }), true);
    throwsWithCode(() => service.revoke({ eventId: 'rev-3', revokes: 'rev-1', reason: 'x' }), 'ERR_CRVS_EVENT_NOT_FOUND');
    assert.deepEqual([row('rev-1').kind, row('rev-1').state, row('rev-1').lastErrorCode, row('rev-1').registrationNumber], ['DEATH_REVOKED', 'PARKED', 'ERR_CRVS_NO_MOSIP_API', 'OB-2026/00001']);
    assert.deepEqual([row('rev-2').kind, row('rev-2').state, row('rev-2').lastErrorCode], ['BIRTH_REVOKED', 'PARKED', 'ERR_CRVS_BIRTH_REVOKED']);
    assert.deepEqual(data.audit.recent(30).filter((a) => a.event === 'CRVS_EVENT_REVOKED').map((a) => String(a.details['revokes'])).sort(), ['birth-1', 'death-1']);
    const delivered: string[] = [];
    deliver = async (e) => {
      delivered.push(e.eventId);
      return queueAs(`1000110002000012026112209000${delivered.length}`)(e);
    };
    service.replay('rev-1', 'supervisor1');
    await service.pass();
    assert.deepEqual(delivered.sort(), ['birth-1', 'death-1'], 'the revocation itself is never delivered');
    assert.deepEqual([row('rev-1').state, row('rev-1').lastErrorCode], ['PARKED', 'ERR_CRVS_NO_MOSIP_API'], 'replayed, it parks again until MOSIP has an API');
  });
});
