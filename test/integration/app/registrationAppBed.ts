import type { AppServices } from '../../../electron/host/createAppServices';
import { ManualClock } from '../../../native/time/ManualClock';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { makeTestPki, type TestPki } from '../../helpers/packetKeys';
import { openTestServices } from '../../helpers/openTestDataDir';
import { startSimulator } from '../sbi/sbiTestKit';
import { prepareDataDir } from './registrationFixtures';

/**
 * The device simulator and one PKI for a whole test file: RSA key generation is the slow part. The
 * simulator reads `now`, the current test's clock, so its certificates and timestamps meet the app's.
 */
export async function startDevicesAndPki(now: () => number): Promise<{ simulator: SbiSimulator; pki: TestPki }> {
  const simulator = await startSimulator({ now });
  return { simulator, pki: makeTestPki(Date.UTC(2026, 10, 22, 9, 0, 0)) };
}

/**
 * A fresh app (browser host, a new ManualClock unless given) over a new data dir holding the PKI's
 * REGISTRATION certificate and the simulator's trust, its devices back to their own scores.
 * `infoTimeoutMs`: device discovery's wait (default 1 s; a file whose tests run beside another's on
 * two cores gives more).
 */
export async function openRegistrationApp(simulator: SbiSimulator, pki: TestPki, o: Readonly<{ clock?: ManualClock; infoTimeoutMs?: number }> = {}): Promise<{ services: AppServices; clock: ManualClock; dataDir: string; close(): Promise<void> }> {
  // a short capture timeout: the simulator holds a below-threshold capture for the whole timeout, as §5 devices do
  const opened = await openTestServices({ clock: o.clock ?? new ManualClock(), app: { sbi: { ports: simulator.ports, captureTimeoutMs: 150, infoTimeoutMs: o.infoTimeoutMs ?? 1000 } } });
  for (const device of simulator.devices.values()) device.score = undefined;
  prepareDataDir(opened.dataDir, simulator, pki.regCertPem);
  return opened;
}
