import { z } from 'zod';
import { AuditEntry, AuditVerifyResult } from '../audit';
import { LanguageCode, LoginInput, SessionInfo } from '../operators';
import { method } from './defineApi';
import { AppInfo, HomeSummary } from './home';

const Empty = z.object({}).strict();

/**
 * The one IPC contract: method name → input/output schemas and who may call it. Handlers,
 * the preload client, the browser-host bridge and the renderer's client are all derived from it.
 * Methods are `<area>.<verb>`.
 */
export const api = {
  'app.info': method({ input: Empty, output: AppInfo, access: 'public' }),
  'auth.login': method({ input: LoginInput, output: SessionInfo, access: 'public' }),
  'auth.session': method({ input: Empty, output: SessionInfo.nullable(), access: 'public' }),
  'auth.logout': method({ input: Empty, output: Empty, access: 'session' }),
  'auth.touch': method({ input: Empty, output: Empty, access: 'session' }),
  'operator.setLanguage': method({ input: z.object({ language: LanguageCode }).strict(), output: SessionInfo, access: 'session' }),
  'home.summary': method({ input: Empty, output: HomeSummary, access: 'session' }),
  'audit.verify': method({ input: Empty, output: AuditVerifyResult, access: ['REGISTRATION_SUPERVISOR'] }),
  'audit.recent': method({
    input: z.object({ limit: z.number().int().min(1).max(500) }).strict(),
    output: z.array(AuditEntry),
    access: ['REGISTRATION_SUPERVISOR'],
  }),
} as const;

/** Events pushed from the back end to the UI: `<area>.onDid<Change>`. */
export const events = {
  'session.onDidWarnIdle': z.object({ secondsLeft: z.number().int().nonnegative() }),
  'session.onDidEnd': z.object({ reason: z.enum(['logout', 'idle']) }),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.infer<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Api[M]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const METHOD_NAMES = Object.keys(api) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(api, value);
}
