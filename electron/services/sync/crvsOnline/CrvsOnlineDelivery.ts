import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../../../schemas/errors';
import type { CivilRegistrationSettings } from '../../../../schemas/settings';
import type { Clock } from '../../../../native/time/Clock';
import type { DB } from '../../db/Database';
import { findCrvsOnline, isCrvsCreated, markCrvsCreated, markCrvsWorkflowStarted } from '../../db/repos/crvsOnline';
import type { OutboxRecord } from '../../db/repos/outbox';
import type { CrvsCredentials, CrvsOnlineClient } from './CrvsOnlineClient';
import { CRVS_PROCESSES } from './crvsPacketContent';

export interface CrvsOnlineDeliveryDeps {
  readonly db: DB;
  readonly clock: Clock;
  /** read at each delivery: a supervisor may switch the path or fix the credentials between runs */
  readonly settings: () => CivilRegistrationSettings;
  /** the wrapped secret, unwrapped for the one request that sends it */
  readonly secret: () => string;
  /** the server's client; throws ERR_SYNC_NOT_CONFIGURED without a server address */
  readonly client: () => CrvsOnlineClient;
}

/**
 * Online delivery of civil-registration packets (settings `civilRegistration.delivery = online`):
 * token by the CRVS client's credentials → createPacket → workflowinstance, each step recorded in
 * SQLite (crvs_online) before the next, so a retry after a crash or a lost answer never creates a
 * packet twice: once created it goes straight to workflowinstance, and regproc's "already present"
 * (RPR-WIS-001) counts as started. The outbox runs it as one step of its pass (crvsOnlinePhase),
 * with the same retry / park policy as every other step. The bridge calls the same outbox.
 */
export class CrvsOnlineDelivery {
  readonly #d: CrvsOnlineDeliveryDeps;
  /** which credentials the client's current token was got with (a digest, not the secret) */
  #tokenFor: string | undefined;

  constructor(deps: CrvsOnlineDeliveryDeps) {
    this.#d = deps;
  }

  /**
   * Whether this READY item goes online: a CRVS packet while the setting says online, or one that
   * already started online (it finishes the way it began). A packet the supervisor rejected goes
   * the client path, the only one that carries the rejection (workflowinstance always records APPROVED).
   */
  handles(item: OutboxRecord): boolean {
    if (!CRVS_PROCESSES.has(item.process) || item.supervisorStatus === 'REJECTED') return false;
    return isCrvsCreated(this.#d.db, item.packetId) || this.#d.settings().delivery === 'online';
  }

  /**
   * Delivers one packet as far as it can; returns once the workflow has started.
   * @throws AppError ERR_SYNC_CRVS_* / ERR_SYNC_* (the outbox retries or parks by the code's class)
   */
  async deliver(item: OutboxRecord, signal?: AbortSignal): Promise<void> {
    const row = findCrvsOnline(this.#d.db, item.packetId);
    if (row?.workflowStartedAt != null) return;
    if (!row?.content) throw new AppError('ERR_SYNC_CRVS_PAYLOAD_MISSING', { rid: item.rid });
    const content = row.content;
    const settings = this.#d.settings();
    await this.#withSession(settings, signal, async (client) => {
      if (!isCrvsCreated(this.#d.db, item.packetId)) {
        await client.createPacket(content, settings.source, signal);
        markCrvsCreated(this.#d.db, item.packetId, this.#d.clock.now());
      }
      const id = await client.startWorkflow({ rid: content.id, process: content.process, source: settings.source, additionalInfoReqId: content.additionalInfoReqId, contact: item.syncContact }, signal);
      markCrvsWorkflowStarted(this.#d.db, item.packetId, id, this.#d.clock.now());
    });
  }

  /** Runs `body` with a CRVS-client session; a session the server dropped is renewed once. */
  async #withSession(settings: CivilRegistrationSettings, signal: AbortSignal | undefined, body: (client: CrvsOnlineClient) => Promise<void>): Promise<void> {
    const client = this.#d.client();
    // read every time: a token got with credentials a supervisor has since changed is not used
    const credentials = this.#credentials(settings);
    const key = credentialsKey(credentials);
    if (!client.hasToken || key !== this.#tokenFor) {
      client.forgetToken();
      await client.authenticate(credentials, signal);
      this.#tokenFor = key;
    }
    try {
      await body(client);
    } catch (err) {
      if (!(isAppError(err) && err.is('ERR_SYNC_AUTH_EXPIRED'))) throw err;
      client.forgetToken();
      await client.authenticate(credentials, signal);
      try {
        await body(client);
      } catch (again) {
        // a fresh token refused too: the client lacks the role, which only its settings can fix
        if (isAppError(again) && again.is('ERR_SYNC_AUTH_EXPIRED')) {
          throw new AppError('ERR_SYNC_CRVS_CLIENT_REFUSED', { setting: 'civilRegistration', clientId: settings.clientId ?? '', errorCode: again.details.errorCode }, { cause: again });
        }
        throw again;
      }
    }
  }

  #credentials(s: CivilRegistrationSettings): CrvsCredentials {
    const missing = [s.appId === null ? 'appId' : '', s.clientId === null ? 'clientId' : ''].filter((m) => m !== '');
    if (missing.length > 0) throw new AppError('ERR_SYNC_CRVS_NOT_CONFIGURED', { setting: `civilRegistration.${missing[0]}`, missing: missing.join(', ') });
    return { appId: s.appId!, clientId: s.clientId!, secretKey: this.#d.secret() };
  }
}

function credentialsKey(c: CrvsCredentials): string {
  return createHash('sha256').update(JSON.stringify([c.appId, c.clientId, c.secretKey])).digest('hex');
}
