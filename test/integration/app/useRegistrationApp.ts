import { after, afterEach, before, beforeEach } from 'node:test';
import type { Reply } from '../../../schemas/api/transport';
import type { PacketBuildProgress } from '../../../schemas/packet';
import type { AppServices } from '../../../electron/host/createAppServices';
import { ManualClock } from '../../../native/time/ManualClock';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import type { TestPki } from '../../helpers/packetKeys';
import { replyValue } from '../../helpers/replyValue';
import { openRegistrationApp, startDevicesAndPki } from './registrationAppBed';

/** What a describe block's tests read; set by its hooks, so read it inside tests only. */
export interface RegistrationAppHandle {
  readonly simulator: SbiSimulator;
  readonly pki: TestPki;
  readonly services: AppServices;
  readonly clock: ManualClock;
  /** packets.onDidProgress events the window got in the current test (emptied before each). */
  readonly progress: PacketBuildProgress[];
  /** Dispatches through the Router as window-1. */
  call(method: string, input: unknown): Promise<Reply>;
}

/**
 * Registers the hooks the Router-level registration files wrote for themselves: one device
 * simulator and PKI per file (key generation is the slow part), a fresh app per test, logged in as
 * `operator`. The simulator reads the current test's clock. Call it inside `describe`.
 */
export function useRegistrationApp(operator: Readonly<{ userId: string; password: string }>): RegistrationAppHandle {
  let simulator: SbiSimulator | undefined;
  let pki: TestPki | undefined;
  let opened: { services: AppServices; clock: ManualClock; close(): Promise<void> } | undefined;
  let firstClock = new ManualClock();
  const progress: PacketBuildProgress[] = [];
  const ctx = { connectionId: 'window-1', sink: (name: string, payload: unknown) => void (name === 'packets.onDidProgress' && progress.push(payload as PacketBuildProgress)) };
  const set = <T>(what: string, v: T | undefined): T => {
    if (v === undefined) throw new Error(`useRegistrationApp: ${what} is read before its hook ran`);
    return v;
  };
  const handle: RegistrationAppHandle = {
    get simulator() { return set('the simulator', simulator); },
    get pki() { return set('the PKI', pki); },
    get services() { return set('the app', opened).services; },
    get clock() { return opened?.clock ?? firstClock; },
    progress,
    call: (method, input) => set('the app', opened).services.router.dispatch(ctx, method, input),
  };
  before(async () => {
    firstClock = new ManualClock();
    ({ simulator, pki } = await startDevicesAndPki(() => handle.clock.now()));
  });
  after(async () => {
    await simulator?.close();
  });
  beforeEach(async () => {
    opened = await openRegistrationApp(handle.simulator, handle.pki);
    progress.length = 0;
    replyValue(await handle.call('auth.login', operator));
  });
  afterEach(() => opened?.close());
  return handle;
}
