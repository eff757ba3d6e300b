import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { AuditLog } from '../../../../../electron/services/audit/AuditLog';
import { AuthService } from '../../../../../electron/services/auth/AuthService';
import type { DB } from '../../../../../electron/services/db/Database';
import { migrate } from '../../../../../electron/services/db/migrations';
import { getOperator } from '../../../../../electron/services/db/repos/operators';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { makeTempDir } from '../../../../helpers/tempDir';
import { rejectsWithCode } from '../../../../helpers/assertAppError';

describe('AuthService', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  let clock: ManualClock;
  let audit: AuditLog;
  let auth: AuthService;

  const rejectsWith = rejectsWithCode;
  const events = () => audit.recent(100).map((e) => e.event).reverse();

  beforeEach(async () => {
    temp = makeTempDir();
    db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
    migrate(db);
    clock = new ManualClock();
    audit = new AuditLog(db, clock);
    auth = new AuthService({ db, audit, clock, policy: { maxFailures: 3, lockMinutes: 2 } });
    await auth.createOperator({ userId: 'officer1', name: 'Ana', roles: ['REGISTRATION_OFFICER'], password: 'right-password', language: 'por' }, null);
  });

  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('logs in with the right password and audits it', async () => {
    const op = await auth.verify('officer1', 'right-password');
    assert.deepEqual(op.roles, ['REGISTRATION_OFFICER']);
    assert.deepEqual(events(), ['OPERATOR_CREATED', 'LOGIN_SUCCESS']);
  });

  it('answers an unknown operator as a wrong password (no user enumeration), audited as unknown', async () => {
    // issue 12: a distinct answer told a guesser which user IDs exist
    await rejectsWith(auth.verify('nobody', 'x'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 2 });
    await rejectsWith(auth.verify('officer1', 'x'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 2 });
    await rejectsWith(auth.verify('nobody', 'x'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 1 });
    await rejectsWith(auth.verify('nobody', 'x'), 'ERR_AUTH_LOCKED', { lockedUntil: clock.now() + 120_000, minutes: 2 });
    assert.deepEqual(audit.recent(10).filter((e) => e.actor === 'nobody').map((e) => e.details), Array(3).fill({ reason: 'unknown-operator' }));
  });

  it('counts down the attempts left, then locks for the configured minutes', async () => {
    await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 2 });
    await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 1 });
    await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_LOCKED', { lockedUntil: clock.now() + 120_000, minutes: 2 });
    // Even the right password is refused while locked.
    await rejectsWith(auth.verify('officer1', 'right-password'), 'ERR_AUTH_LOCKED');
    assert.ok(events().includes('LOGIN_LOCKED'));
  });

  it('by default locks on the 5th wrong password for 2 minutes', async () => {
    const byDefault = new AuthService({ db, audit, clock });
    for (let left = 4; left >= 1; left--) await rejectsWith(byDefault.verify('officer1', 'bad'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: left });
    await rejectsWith(byDefault.verify('officer1', 'bad'), 'ERR_AUTH_LOCKED', { lockedUntil: clock.now() + 120_000, minutes: 2 });
    clock.advance(119_999);
    await rejectsWith(byDefault.verify('officer1', 'right-password'), 'ERR_AUTH_LOCKED');
    clock.advance(1);
    assert.equal((await byDefault.verify('officer1', 'right-password')).userId, 'officer1');
  });

  it('unlocks when the lock runs out, with a full set of attempts', async () => {
    for (let i = 0; i < 2; i++) await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_WRONG_PASSWORD');
    await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_LOCKED');
    clock.advance(120_000);
    await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 2 });
    assert.equal((await auth.verify('officer1', 'right-password')).userId, 'officer1');
  });

  it('resets the failure count after a successful login', async () => {
    await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_WRONG_PASSWORD');
    await auth.verify('officer1', 'right-password');
    await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 2 });
  });

  it('re-authenticates for a packet under the same lockout, audited as that process, without counting as a login', async () => {
    await auth.verify('officer1', 'right-password');
    const loggedInAt = getOperator(db, 'officer1')!.lastLoginAt;
    clock.advance(60_000);
    await rejectsWith(auth.verify('officer1', 'bad', 'packet_auth'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 2 });
    await rejectsWith(auth.verify('officer1', 'bad'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 1 });
    await auth.verify('officer1', 'right-password', 'packet_auth');
    assert.equal(getOperator(db, 'officer1')!.lastLoginAt, loggedInAt, 'a packet authentication is not a login');
    await rejectsWith(auth.verify('officer1', 'bad', 'eod_auth'), 'ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 2 });
    const entries = audit.recent(5).reverse().map((e) => [e.event, e.details]);
    assert.deepEqual(entries.slice(-4), [
      ['OPERATOR_AUTH_FAILED', { process: 'packet_auth', reason: 'wrong-password', failures: 1 }],
      ['LOGIN_FAILED', { reason: 'wrong-password', failures: 2 }],
      ['OPERATOR_AUTH_SUCCESS', { process: 'packet_auth', roles: ['REGISTRATION_OFFICER'] }],
      ['OPERATOR_AUTH_FAILED', { process: 'eod_auth', reason: 'wrong-password', failures: 1 }],
    ]);
  });

  it('locks on packet authentication failures and refuses the login while locked', async () => {
    for (let i = 0; i < 2; i++) await rejectsWith(auth.verify('officer1', 'bad', 'packet_auth'), 'ERR_AUTH_WRONG_PASSWORD');
    await rejectsWith(auth.verify('officer1', 'bad', 'packet_auth'), 'ERR_AUTH_LOCKED', { lockedUntil: clock.now() + 120_000, minutes: 2 });
    await rejectsWith(auth.verify('officer1', 'right-password'), 'ERR_AUTH_LOCKED');
    assert.deepEqual(audit.recent(3).reverse().map((e) => [e.event, e.details['process'] ?? null]), [['OPERATOR_AUTH_FAILED', 'packet_auth'], ['LOGIN_LOCKED', 'packet_auth'], ['LOGIN_FAILED', null]]);
  });

  it('refuses a policy that could never lock', () => {
    assert.throws(() => new AuthService({ db, audit, clock, policy: { maxFailures: 0, lockMinutes: 2 } }), TypeError);
  });
});
