import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DisposableStore } from '../../../../native/lifecycle/DisposableStore';

describe('DisposableStore', () => {
  const recorder = () => {
    const disposed: string[] = [];
    return { disposed, item: (name: string) => ({ dispose: () => void disposed.push(name) }) };
  };

  it('disposes everything it holds once, newest first', () => {
    const { disposed, item } = recorder();
    const store = new DisposableStore();
    store.add(item('a'));
    store.add(item('b'));
    assert.equal(store.size, 2);
    store.dispose();
    store.dispose();
    assert.deepEqual(disposed, ['b', 'a']);
    assert.equal(store.size, 0);
  });

  it('disposes at once what is added after it was disposed', () => {
    const { disposed, item } = recorder();
    const store = new DisposableStore();
    store.dispose();
    store.add(item('late'));
    assert.deepEqual(disposed, ['late']);
  });

  it('goes on after an item throws, then rethrows the first error', () => {
    const { disposed, item } = recorder();
    const store = new DisposableStore();
    store.add(item('a'));
    store.add({ dispose: () => { throw new Error('boom'); } });
    store.add(item('c'));
    assert.throws(() => store.dispose(), /boom/);
    assert.deepEqual(disposed, ['c', 'a']);
  });
});
