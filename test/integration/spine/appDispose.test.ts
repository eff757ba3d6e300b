import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestServices } from '../../helpers/openTestDataDir';

/** Closing the app leaves no listener behind (issue 15: subscriptions are collected, not dropped). */
describe('app services dispose', () => {
  it('unsubscribes every settings listener the app added', async () => {
    const { services, close } = await openTestServices();
    try {
      assert.ok(services.settings.listenerCount >= 2, 'the hub broadcast and the scanner restart listen');
    } finally {
      await close();
    }
    assert.equal(services.settings.listenerCount, 0);
  });
});
