import type { z } from 'zod';
import type { Role } from '../operators';

/**
 * Who may call a method. `public`: anyone with a connection (login screen); `session`: any
 * logged-in operator; a role list: an operator holding at least one of them. Checked by the
 * router in the main process before the handler runs, never only in the UI.
 */
export type Access = 'public' | 'session' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends Access = Access> {
  readonly input: I;
  readonly output: O;
  /** kept literal, so a handler's context type knows whether the Router guarantees a session */
  readonly access: A;
}

export function method<I extends z.ZodType, O extends z.ZodType, const A extends Access>(spec: MethodSpec<I, O, A>): MethodSpec<I, O, A> {
  return spec;
}
