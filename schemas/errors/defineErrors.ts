import { z } from 'zod';

/**
 * How a caller (above all the sync engine) should react to an error:
 * `retry` later, `reauth` then retry, `park` for a person to look at, or `fatal` (a bug or a
 * state only an administrator can fix).
 */
export const RetryClass = z.enum(['retry', 'reauth', 'park', 'fatal']);
export type RetryClass = z.infer<typeof RetryClass>;

/**
 * What the operator is asked to do about a device error; shown next to the translated message.
 * `reconnect`: check the cable / restart the device service, then retry. `recapture`: capture
 * again. `wait`: the device is busy or warming up. `callSupport`: the device or its certificates
 * are wrong, only support can fix it. `fixSettings`: an administrator setting.
 */
export const OperatorAction = z.enum(['reconnect', 'recapture', 'wait', 'callSupport', 'fixSettings']);
export type OperatorAction = z.infer<typeof OperatorAction>;

/** One catalogue entry: the English log message and the shape of the structured details. */
export interface ErrorSpec<D extends z.ZodType = z.ZodType> {
  readonly retry: RetryClass;
  /**
   * Built on demand: the shapes type each code's details, and nothing parses them at run time, so
   * building some 200 zod schemas at every import was a tenth of a command line's start-up.
   */
  readonly details: () => D;
  /** English, for logs only; the UI translates `errors.<CODE>` with the details. */
  readonly log: string;
  /** about the machine or the server session, not one packet: an outbox run stops, nothing is parked */
  readonly stopsOutboxRun?: true;
  /** the server cannot answer now (unreachable, busy, not set up, session lapsed): a look-up is "offline" */
  readonly offline?: true;
  /** what the operator should do (device errors) */
  readonly operatorAction?: OperatorAction;
}

/** Identity helper that keeps each area's catalogue literally typed. */
export function defineErrors<T extends Record<`ERR_${string}`, ErrorSpec>>(specs: T): T {
  return specs;
}

/** Details shared by many codes. */
export const NoDetails = z.object({}).strict();
