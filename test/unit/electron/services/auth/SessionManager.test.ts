import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { AuditLog } from '../../../../../electron/services/audit/AuditLog';
import { SessionManager, type EventSink } from '../../../../../electron/services/auth/SessionManager';
import type { DB } from '../../../../../electron/services/db/Database';
import { throwsWithCode } from '../../../../helpers/assertAppError';
import { openMigratedDb } from '../../../../helpers/migratedDb';

describe('SessionManager', () => {
  let opened: ReturnType<typeof openMigratedDb>;
  let db: DB;
  let clock: ManualClock;
  let audit: AuditLog;
  let sessions: SessionManager;
  let pushed: { name: string; payload: unknown }[];
  const sink: EventSink = (name, payload) => void pushed.push({ name, payload });
  const officer = { userId: 'officer1', name: 'Ana', roles: ['REGISTRATION_OFFICER' as const], language: 'por' as const };

  beforeEach(() => {
    opened = openMigratedDb();
    db = opened.db;
    clock = new ManualClock();
    audit = new AuditLog(db, clock);
    sessions = new SessionManager({ clock, audit });
    pushed = [];
  });

  afterEach(() => {
    sessions.dispose();
    opened.close();
  });

  it('warns at 600 s and logs out at 900 s of inactivity by default', () => {
    sessions.start('c1', officer, sink);
    clock.advance(599_000);
    assert.deepEqual(pushed, []);
    clock.advance(1_000);
    assert.deepEqual(pushed, [{ name: 'session.onDidWarnIdle', payload: { secondsLeft: 300 } }]);
    clock.advance(300_000);
    assert.deepEqual(pushed[1], { name: 'session.onDidEnd', payload: { reason: 'idle' } });
    assert.equal(sessions.get('c1'), undefined);
    assert.equal(audit.recent(1)[0]!.event, 'SESSION_EXPIRED');
  });

  it('says the session expired on the next call, not merely "log in"', () => {
    sessions.start('c1', officer, sink);
    clock.advance(900_000);
    throwsWithCode(() => sessions.require('c1'), 'ERR_AUTH_SESSION_EXPIRED', { idleSeconds: 900 });
  });

  it('restarts the idle clock on activity', () => {
    sessions.start('c1', officer, sink);
    clock.advance(800_000);
    sessions.touch('c1');
    clock.advance(800_000);
    assert.ok(sessions.get('c1'));
    assert.equal(pushed.filter((p) => p.name === 'session.onDidEnd').length, 0);
  });

  it('keeps sessions per connection apart', () => {
    sessions.start('c1', officer, sink);
    throwsWithCode(() => sessions.require('c2'), 'ERR_AUTH_NOT_AUTHENTICATED');
    assert.equal(sessions.require('c1').userId, 'officer1');
  });

  it('audits logout and leaves no timers behind', () => {
    sessions.start('c1', officer, sink);
    sessions.end('c1', 'logout');
    assert.equal(clock.pendingTimers, 0);
    assert.equal(audit.recent(1)[0]!.event, 'LOGOUT');
    assert.deepEqual(pushed, [{ name: 'session.onDidEnd', payload: { reason: 'logout' } }]);
  });

  it('refuses a warning that comes after the logout', () => {
    assert.throws(() => new SessionManager({ clock, audit, policy: { warnAfterSeconds: 900, logoutAfterSeconds: 600 } }), TypeError);
  });
});
