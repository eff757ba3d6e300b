import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventHub } from '../../../../electron/host/EventHub';

describe('EventHub', () => {
  it('broadcasts to every connected UI until it disconnects', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    const a = hub.connect('a', (name) => void seen.push(`a:${name}`));
    hub.connect('b', (name) => void seen.push(`b:${name}`));
    hub.broadcast('session.onDidWarnIdle', { secondsLeft: 1 });
    a.dispose();
    hub.broadcast('session.onDidWarnIdle', { secondsLeft: 0 });
    assert.deepEqual(seen, ['a:session.onDidWarnIdle', 'b:session.onDidWarnIdle', 'b:session.onDidWarnIdle']);
    assert.equal(hub.size, 1);
  });
});
