import type { z } from 'zod';
import type { Role } from '../operators';

/**
 * Who may call a method. `public`: anyone with a connection (login screen); `session`: any
 * logged-in operator; a role list: an operator holding at least one of them. Checked by the
 * router in the main process before the handler runs, never only in the UI.
 */
export type Access = 'public' | 'session' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
