import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegclientBridge } from '../../schemas/api/transport';
import type { AppSettings } from '../../schemas/settings';
import { TRUST_DIR } from '../../electron/services/devices/DevicesService';
import { REGISTRATION_CERT_PATH } from '../../electron/services/packets/RegistrationCertProvider';
import type { AppServices, AppServicesOptions } from '../../electron/host/createAppServices';
import type { ManualClock } from '../../native/time/ManualClock';
import { createApiClient, type ApiClient } from '../../renderer/api/createApiClient';
import type { SbiSimulator } from '../sims/sbi/SbiSimulator';
import type { TestPki } from './packetKeys';
import { openTestServices } from './openTestDataDir';
import { routerCalls } from './routerCalls';

/** One call the page made, as it crossed the bridge (the input as sent, before the Router). */
export interface BridgeCall {
  readonly method: string;
  readonly input: unknown;
}

/** The real back end a registration store test drives: services, their clock, and the calls the page made. */
export interface RealBackEnd {
  readonly services: AppServices;
  readonly clock: ManualClock;
  readonly dataDir: string;
  /** the typed client over the real Router, logged in as officer1 */
  readonly api: ApiClient;
  /** every call of `api`, in order; tests read what the page sent, never what it got back */
  readonly calls: BridgeCall[];
  /** the supervisor's settings change, through the same service the settings screen uses */
  updateSettings(change: (current: AppSettings) => AppSettings): void;
  close(): Promise<void>;
}

/**
 * Like the preload or the browser host's socket: every call goes through the real Router, and the
 * connection is on the EventHub, so broadcasts (scanner reads, device events) reach the page too.
 */
function recordingBridge(services: AppServices, calls: BridgeCall[], connectionId = 'renderer-test'): RegclientBridge {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const sink = (name: string, payload: unknown) => {
    for (const listener of listeners) listener(name, structuredClone(payload));
  };
  services.hub.connect(connectionId, sink);
  const router = routerCalls(services, connectionId, sink);
  return {
    invoke: async (callId, method, input) => {
      calls.push({ method, input: structuredClone(input) });
      return router.invoke(callId, method, input);
    },
    cancel: router.cancel,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Real services over an encrypted temp data dir, with officer1 logged in (as store.test.ts does).
 * With a device simulator: it trusts the simulator's CA and scans only its ports; with `pki`: it
 * holds the REGISTRATION certificate packets are encrypted to.
 */
export async function openRealBackEnd(simulator?: SbiSimulator, pki?: TestPki, app: Partial<AppServicesOptions> = {}, clock?: ManualClock): Promise<RealBackEnd> {
  // a short capture timeout (the simulator holds a below-threshold capture for all of it); a generous
  // discovery timeout, as the whole suite runs two files at once on two cores
  const sbi = simulator ? { sbi: { ports: simulator.ports, captureTimeoutMs: 150, infoTimeoutMs: 5000 } } : {};
  // `clock`: the one the device simulator reads too, so its certificates and timestamps meet the app's
  const opened = await openTestServices({ ...(clock ? { clock } : {}), app: { ...sbi, ...app } });
  const { services, dataDir, close } = opened;
  if (simulator) {
    mkdirSync(join(dataDir, TRUST_DIR), { recursive: true });
    writeFileSync(join(dataDir, TRUST_DIR, 'device-ca.pem'), simulator.pki.deviceCaPem);
  }
  if (pki) {
    mkdirSync(join(dataDir, 'certs'), { recursive: true });
    writeFileSync(join(dataDir, REGISTRATION_CERT_PATH), pki.regCertPem);
  }
  const calls: BridgeCall[] = [];
  const api = createApiClient(recordingBridge(services, calls));
  await api['auth.login']({ userId: 'officer1', password: 'Officer#2026' });
  calls.length = 0;
  return {
    services, clock: opened.clock, dataDir, api, calls, close,
    updateSettings: (change) => void services.settings.update(change(services.settings.get()), 'supervisor1'),
  };
}

/** The inputs of one method's calls, in order. */
export function inputsOf(calls: readonly BridgeCall[], method: string): unknown[] {
  return calls.filter((c) => c.method === method).map((c) => c.input);
}
