import { z } from 'zod';
import { AuditEntry, AuditVerifyResult } from '../audit';
import { SerializedError } from '../errors';
import { LanguageCode, LoginInput, SessionInfo } from '../operators';
import { page, PageRequest } from '../paging';
import { method } from './defineApi';
import { AppInfo, HomeSummary } from './home';

export const Empty = z.object({}).strict();

/** The spine's methods: app, login/session, operator preferences, dashboard, audit. */
export const coreApi = {
  'app.info': method({ input: Empty, output: AppInfo, access: 'public' }),
  'auth.login': method({ input: LoginInput, output: SessionInfo, access: 'public' }),
  'auth.session': method({ input: Empty, output: SessionInfo.nullable(), access: 'public' }),
  'auth.logout': method({ input: Empty, output: Empty, access: 'session' }),
  'auth.touch': method({ input: Empty, output: Empty, access: 'session' }),
  'operator.setLanguage': method({ input: z.object({ language: LanguageCode }).strict(), output: SessionInfo, access: 'session' }),
  'home.summary': method({ input: Empty, output: HomeSummary, access: 'session' }),
  'audit.verify': method({ input: Empty, output: AuditVerifyResult, access: ['REGISTRATION_SUPERVISOR'] }),
  /** the log newest first, a page at a time */
  'audit.recent': method({
    input: PageRequest.strict(),
    output: page(AuditEntry),
    access: ['REGISTRATION_SUPERVISOR'],
  }),
} as const;

export const coreEvents = {
  'session.onDidWarnIdle': z.object({ secondsLeft: z.number().int().nonnegative() }),
  'session.onDidEnd': z.object({ reason: z.enum(['logout', 'idle']) }),
  /** the browser host received a frame it could not number, so it cannot answer it with a reply */
  'transport.onDidRejectFrame': SerializedError,
  /** raised by the page's own WebSocket bridge when the back end connection closes */
  'transport.onDidDisconnect': z.object({}),
} as const;
