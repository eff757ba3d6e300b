import { CallId, type Reply } from '../../schemas/api/transport';
import type { CallContext } from './Handlers';
import { InFlightCalls } from './InFlightCalls';
import type { Router } from './Router';

/**
 * The Electron IPC side of calls and their cancels, per window (`sender`), kept out of the shell so
 * it is tested without Electron. The page's call number arrives unchecked, so it is parsed here.
 */
export class IpcCalls<Sender extends object> {
  readonly #router: Router;
  // a closed window's WebContents goes, and its calls with it
  readonly #bySender = new WeakMap<Sender, InFlightCalls>();

  constructor(router: Router) {
    this.#router = router;
  }

  /** One call; one without a valid call number still runs, it only cannot be cancelled. */
  async dispatch(sender: Sender, ctx: Omit<CallContext, 'signal'>, callId: unknown, method: unknown, input: unknown): Promise<Reply> {
    const id = CallId.safeParse(callId);
    if (!id.success) return this.#router.dispatch(ctx, method, input);
    const calls = this.#bySender.get(sender) ?? new InFlightCalls();
    this.#bySender.set(sender, calls);
    return calls.run(id.data, (signal) => this.#router.dispatch({ ...ctx, signal }, method, input));
  }

  /** Stops one of this window's calls; a malformed or unknown number is ignored, like a bad socket frame. */
  cancel(sender: Sender, callId: unknown): boolean {
    const id = CallId.safeParse(callId);
    return id.success && (this.#bySender.get(sender)?.cancel(id.data) ?? false);
  }
}
