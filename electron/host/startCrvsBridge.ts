import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AppError } from '../../schemas/errors';
import { civilRegistrationDelivery } from './civilRegistrationDelivery';
import { createPacketService } from './createPacketService';
import { PACKETS_DIR, type OpenedDataDir } from './openDataDir';
import { AuthService } from '../services/auth/AuthService';
import { runPacketBuild } from '../services/packets/packetBuildJob';
import { SettingsService } from '../services/settings/SettingsService';
import type { BackoffOptions } from '../services/sync/backoff';
import type { MosipHttpClient } from '../services/sync/MosipHttpClient';
import { createSyncServices } from '../services/sync/createSyncServices';
import { effectiveMachineName } from '../services/sync/machineName';
import { BridgeLoop } from '../services/crvs/BridgeLoop';
import { createBridgeHttpServer } from '../services/crvs/BridgeHttpServer';
import type { BridgeSetup } from './crvsBridgeSetup';
import { CrvsBridgeService } from '../services/crvs/CrvsBridgeService';
import { OpenCrvsConfirmer } from '../services/crvs/OpenCrvsConfirmer';
import { OpenCrvsEventsConfirmer } from '../services/crvs/OpenCrvsEventsConfirmer';
import { OutboxPacketDelivery } from '../services/crvs/OutboxPacketDelivery';

export interface StartBridgeOptions {
  readonly data: OpenedDataDir;
  readonly setup: BridgeSetup;
  readonly serverUrl: string;
  /** the bridge's operator, a supervisor: the MOSIP session and the approval of its packets */
  readonly credentials: Readonly<{ userId: string; password: string }>;
  readonly host: string;
  readonly port: number;
  readonly pollMs: number;
  readonly backoff?: BackoffOptions;
  readonly log: (line: string) => void;
}

export interface RunningBridge {
  readonly url: string;
  readonly service: CrvsBridgeService;
  stop(): Promise<void>;
}

/** The soonest the loop returns to MOSIP after a pass that left work for it (ms): no busy loop on a past due time. */
const MIN_MOSIP_WAIT_MS = 200;

/**
 * `regclient bridge`: the same services as the app over one data dir (outbox, packet engine,
 * approval, audit), an HTTP listener for OpenCRVS and MOSIP's hub, and the loop between them.
 * Starts even when MOSIP is down: events are taken and stored; the MOSIP side catches up.
 * @throws AppError ERR_AUTH_* (the operator's password), ERR_SYNC_NOT_SUPERVISOR
 */
export async function startBridge(o: StartBridgeOptions): Promise<RunningBridge> {
  const { data, setup } = o;
  const operator = await new AuthService({ db: data.db, audit: data.audit, clock: data.clock }).verify(o.credentials.userId, o.credentials.password);
  // its packets are approved in its name: the same rule as `packets approve`
  if (!operator.roles.includes('REGISTRATION_SUPERVISOR')) throw new AppError('ERR_SYNC_NOT_SUPERVISOR', { userId: operator.userId });
  const settings = new SettingsService({ db: data.db, audit: data.audit });
  const sync = createSyncServices({
    db: data.db, audit: data.audit, clock: data.clock, machineKey: data.machineKey, centreId: data.identity.centreId, machineId: data.identity.machineId,
    dataDir: data.dataDir, packetsDir: join(data.dataDir, PACKETS_DIR), machineName: () => effectiveMachineName(settings.get().machineName).name,
    serverUrl: o.serverUrl, credentials: o.credentials, ...(o.backoff ? { backoff: o.backoff } : {}),
    // the deployment's civil-registration setting: offline (RID sync, upload) or online (createPacket, workflowinstance)
    civilRegistration: civilRegistrationDelivery(data, settings),
  });
  const mosip = sync.mosip!;
  const delivery = new OutboxPacketDelivery({
    db: data.db, audit: data.audit, clock: data.clock, packets: createPacketService(data, { builder: runPacketBuild }), approval: sync.approval,
    operator: { userId: operator.userId, roles: operator.roles }, centreId: data.identity.centreId, machineId: data.identity.machineId, language: setup.config.language,
  });
  const confirmer = setup.config.confirmApi === 'v2-events' ? new OpenCrvsEventsConfirmer({ url: setup.config.confirmUrl }) : new OpenCrvsConfirmer({ url: setup.config.confirmUrl, token: () => setup.confirmToken ?? '' });
  const service = new CrvsBridgeService({ db: data.db, audit: data.audit, clock: data.clock, delivery, confirmer, ...(o.backoff ? { backoff: o.backoff } : {}) });
  const topic = `${setup.config.partnerId}/CREDENTIAL_ISSUED`;
  let subscribed = false;
  const mosipWork = async (): Promise<number | undefined> => {
    try {
      if (!mosip.session) await mosip.login(o.credentials.userId, o.credentials.password);
      if (!subscribed) {
        await subscribe(mosip.http, topic, setup);
        subscribed = true;
        o.log(`subscribed to ${topic}`);
      }
    } catch (err) {
      o.log(`MOSIP not reachable yet: ${(err as { code?: string }).code ?? (err as Error).message}`);
      return data.clock.now() + o.pollMs;
    }
    if (!sync.outbox.hasPendingWork()) return undefined;
    const run = await sync.outbox.run();
    if (run.uploaded.length || run.stoppedBy) o.log(`outbox: ${run.synced.length} synced, ${run.uploaded.length} uploaded${run.stoppedBy ? `, stopped by ${run.stoppedBy.code}` : ''}`);
    if (!sync.outbox.hasPendingWork()) return undefined;
    return Math.max(sync.outbox.nextAttemptAt() ?? 0, data.clock.now() + MIN_MOSIP_WAIT_MS);
  };
  const loop = new BridgeLoop({ clock: data.clock, service, mosipWork, pollMs: o.pollMs, log: o.log });
  const server = createBridgeHttpServer({
    service, webhookToken: setup.webhookToken, ...(setup.opencrvsPublicKey ? { actionTokenKey: setup.opencrvsPublicKey } : {}), now: () => data.clock.now(), websubSecret: setup.websubSecret, topic, partnerKey: setup.partnerKey, partnerCertDer: setup.partnerCertDer,
    onWork: () => loop.wake(), log: o.log,
  });
  server.listen(o.port, o.host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  loop.wake();
  return {
    url: `http://${o.host}:${address.port}`,
    service,
    async stop() {
      await loop.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * W3C WebSub subscription at MOSIP's hub (form-encoded `hub.mode`, `hub.topic`, `hub.callback`,
 * `hub.secret`); the hub verifies intent against our listener before it answers.
 */
async function subscribe(http: MosipHttpClient, topic: string, setup: BridgeSetup): Promise<void> {
  const form = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': setup.config.callbackUrl, 'hub.secret': setup.websubSecret.toString('utf8') });
  await http.send({ method: 'POST', path: '/websub/hub', body: Buffer.from(form.toString()), headers: { 'content-type': 'application/x-www-form-urlencoded' }, signed: false });
}
