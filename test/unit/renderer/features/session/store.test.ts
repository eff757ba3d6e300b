import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LanguageCode } from '../../../../../schemas/operators';
import type { ManualClock } from '../../../../../native/time/ManualClock';
import { createApiClient } from '../../../../../renderer/api/createApiClient';
import { createSessionStore, type SessionStore } from '../../../../../renderer/features/session/store/store';
import { sessionSelectors } from '../../../../../renderer/features/session/store/selectors';
import { inMemoryBridge } from '../../../../helpers/inMemoryBridge';
import { openTestServices } from '../../../../helpers/openTestDataDir';

describe('session store (against the real Router)', () => {
  let store: SessionStore;
  let clock: ManualClock;
  let close: () => Promise<void>;
  let saved: LanguageCode | undefined;

  beforeEach(async () => {
    const opened = await openTestServices();
    clock = opened.clock;
    close = opened.close;
    saved = undefined;
    store = createSessionStore(createApiClient(inMemoryBridge(opened.services)), { load: () => saved, save: (l) => void (saved = l) }, 'por');
    await store.getState().start();
  });
  afterEach(() => close());

  it('starts logged out in Portuguese, with the machine identity', () => {
    const s = store.getState();
    assert.equal(sessionSelectors.status(s), 'loggedOut');
    assert.equal(sessionSelectors.language(s), 'por');
    assert.equal(sessionSelectors.appInfo(s)?.centreId, '10001');
  });

  it('logs in and takes the operator\'s language', async () => {
    await store.getState().login('officer1', 'Officer#2026');
    const s = store.getState();
    assert.equal(s.status, 'loggedIn');
    assert.equal(s.language, 'eng');
    assert.equal(saved, 'eng');
    assert.equal(sessionSelectors.hasRole('REGISTRATION_SUPERVISOR')(s), false);
  });

  it('keeps the error code and details of a failed login for the view to translate', async () => {
    await store.getState().login('officer1', 'nope');
    assert.deepEqual(store.getState().error, { code: 'ERR_AUTH_WRONG_PASSWORD', details: { attemptsLeft: 4 } });
    assert.equal(store.getState().status, 'loggedOut');
  });

  it('shows the idle warning, then the expiry with the configured limit', async () => {
    await store.getState().login('officer1', 'Officer#2026');
    clock.advance(600_000);
    await Promise.resolve();
    assert.equal(store.getState().idleSecondsLeft, 300);
    clock.advance(300_000);
    await Promise.resolve();
    const s = store.getState();
    assert.equal(s.status, 'loggedOut');
    assert.equal(s.notice, 'expired');
    assert.equal(s.expiredAfterSeconds, 900);
  });

  it('saves a language change to the operator while logged in', async () => {
    await store.getState().login('officer1', 'Officer#2026');
    await store.getState().setLanguage('fra');
    assert.equal(store.getState().session?.language, 'fra');
    await store.getState().logout();
    await store.getState().login('officer1', 'Officer#2026');
    assert.equal(store.getState().language, 'fra');
  });
});
