import type { Disposable } from '../time/Clock';

/**
 * Collects what a component subscribed to or started, and disposes it all at once, newest first
 * (VS Code's DisposableStore): a subscription returned by `onDidChange` is kept here, never dropped,
 * so closing the app leaves no listener behind. Adding to a disposed store disposes at once.
 */
export class DisposableStore implements Disposable {
  readonly #items: Disposable[] = [];
  #isDisposed = false;

  add<T extends Disposable>(item: T): T {
    if (this.#isDisposed) item.dispose();
    else this.#items.push(item);
    return item;
  }

  get size(): number {
    return this.#items.length;
  }

  /** Disposes every item, newest first; one that throws does not stop the rest, and the first error is rethrown. */
  dispose(): void {
    if (this.#isDisposed) return;
    this.#isDisposed = true;
    let first: unknown;
    for (const item of this.#items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (err) {
        first ??= err;
      }
    }
    if (first !== undefined) throw first;
  }
}
