import type { RegistrationInput } from '../../../schemas/registration';
import { utcIsoMillis } from './rid';

/** Host facts the audit entries carry (hostName/hostIp of the registration machine). */
export interface AuditHost {
  readonly hostName: string;
  readonly hostIp: string;
}

/**
 * `audit.json`: a JSON array of string-valued audit objects (reference §1.7). Never empty: the
 * input schema requires at least one entry, as the writer's AUDITS_REQUIRED check does.
 */
export function buildAuditJson(input: RegistrationInput, rid: string, host: AuditHost): Buffer {
  const entries = input.audits.map((a) => ({
    uuid: a.uuid,
    createdAt: utcIsoMillis(a.at),
    eventId: a.eventId,
    eventName: a.eventName,
    eventType: a.eventType,
    hostName: host.hostName,
    hostIp: host.hostIp,
    applicationId: 'REG',
    applicationName: 'REGISTRATION',
    sessionUserId: a.sessionUserId,
    sessionUserName: a.sessionUserName,
    id: rid,
    idType: 'REGISTRATION_ID',
    createdBy: a.sessionUserName || a.sessionUserId,
    moduleName: a.moduleName,
    moduleId: a.moduleId,
    description: a.description,
    actionTimeStamp: utcIsoMillis(a.at),
  }));
  return Buffer.from(JSON.stringify(entries), 'utf8');
}
