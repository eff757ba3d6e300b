import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Reply } from '../../../schemas/api/transport';
import type { AppServices } from '../../../electron/host/createAppServices';
import type { ManualClock } from '../../../native/time/ManualClock';
import { openTestServices } from '../../helpers/openTestDataDir';

/**
 * Issue 12 (HIGH): the lockout was read before the async password hash and written after it, so
 * 40 guesses sent at once were all answered "wrong password" and none locked the account. These
 * calls go through the Router, as the page's do, all in flight together.
 */
describe('lockout under concurrent guesses (Router, real scrypt, encrypted store)', () => {
  const GUESSES = 40;
  const MAX_FAILURES = 5; // DEFAULT_LOCKOUT
  let services: AppServices;
  let clock: ManualClock;
  let close: () => Promise<void>;
  const call = (connectionId: string, method: string, input: unknown) => services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const code = (reply: Reply) => (reply.ok ? 'ok' : reply.error.code);
  const failedLogins = (userId: string) => (services.data.db.prepare('SELECT failed_logins AS n FROM operators WHERE user_id = ?').get(userId) as { n: number }).n;

  beforeEach(async () => {
    ({ services, clock, close } = await openTestServices());
  });
  afterEach(() => close());

  it(`locks after ${MAX_FAILURES} of ${GUESSES} parallel wrong logins, and refuses the right password while locked`, async () => {
    const replies = await Promise.all(Array.from({ length: GUESSES }, (_, i) => call(`attacker-${i}`, 'auth.login', { userId: 'supervisor1', password: `guess-${i}` })));
    const codes = replies.map(code);
    assert.equal(codes.filter((c) => c === 'ERR_AUTH_WRONG_PASSWORD').length, MAX_FAILURES - 1, codes.join());
    assert.equal(codes.filter((c) => c === 'ERR_AUTH_LOCKED').length, GUESSES - (MAX_FAILURES - 1), codes.join());
    const left = replies.flatMap((r) => (!r.ok && r.error.code === 'ERR_AUTH_WRONG_PASSWORD' ? [(r.error.details as { attemptsLeft: number }).attemptsLeft] : []));
    assert.deepEqual(left.sort(), [1, 2, 3, 4], 'each wrong guess was counted once, in turn');
    assert.equal(code(await call('supervisor-window', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' })), 'ERR_AUTH_LOCKED');
    const locks = services.data.audit.recent(200).filter((e) => e.event === 'LOGIN_LOCKED' && e.actor === 'supervisor1');
    assert.equal(locks.length, 1, 'one lock, not one per guess');
    clock.advance(2 * 60_000);
    assert.equal(code(await call('supervisor-window', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' })), 'ok', 'the lock runs out');
  });

  it('answers an unknown user exactly as a wrong password, and locks that name too', async () => {
    const known = await call('a', 'auth.login', { userId: 'supervisor1', password: 'guess' });
    const unknown = await call('b', 'auth.login', { userId: 'nobody-here', password: 'guess' });
    assert.deepEqual(unknown, known);
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => call(`c-${i}`, 'auth.login', { userId: 'nobody-here', password: `guess-${i}` })));
    assert.deepEqual(replies.map(code).sort(), [...Array(MAX_FAILURES - 2).fill('ERR_AUTH_WRONG_PASSWORD'), ...Array(10 - (MAX_FAILURES - 2)).fill('ERR_AUTH_LOCKED')].sort());
  });

  it('counts parallel wrong re-checks (eod_auth on packets.approve) the same way: locked, then the right password refused', async () => {
    assert.equal(code(await call('supervisor-window', 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' })), 'ok');
    const replies = await Promise.all(Array.from({ length: GUESSES }, (_, i) => call('supervisor-window', 'packets.approve', { ids: ['10001100011000120261202093000'], password: `guess-${i}` })));
    const codes = replies.map(code);
    assert.equal(codes.filter((c) => c === 'ERR_AUTH_WRONG_PASSWORD').length, MAX_FAILURES - 1, codes.join());
    assert.equal(codes.filter((c) => c === 'ERR_AUTH_LOCKED').length, GUESSES - (MAX_FAILURES - 1), codes.join());
    assert.equal(failedLogins('supervisor1'), MAX_FAILURES, 'attempts made while locked are not hashed nor counted');
    assert.equal(code(await call('supervisor-window', 'packets.approve', { ids: ['10001100011000120261202093000'], password: 'Supervisor#2026' })), 'ERR_AUTH_LOCKED');
  });
});
