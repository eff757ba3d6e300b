import { AppError, isAppError } from '../../schemas/errors';
import { DeviceInfoResponse, type DiscoveryResult, type RejectedDevice, type SbiDevice } from '../../schemas/sbi';
import type { ResolvedSbiClientOptions } from './SbiClientOptions';
import { isPortOpen, sbiCall } from './sbiTransport';
import { parseJsonOrUndefined, verifyDeviceInfoElement } from './verifyDeviceInfo';

/** Runs `task` over `items` with at most `limit` in flight. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Reads and verifies MOSIPDINFO on one open port. Every element is checked on its own: one bad
 * device does not hide the good ones on the same port.
 */
async function infoOnPort(port: number, options: ResolvedSbiClientOptions, signal?: AbortSignal): Promise<{ devices: SbiDevice[]; rejected: RejectedDevice[] }> {
  const devices: SbiDevice[] = [];
  const rejected: RejectedDevice[] = [];
  const reject = (err: unknown) => {
    if (!isAppError(err)) throw err;
    rejected.push({ port, code: err.code, message: err.message });
  };
  try {
    const answer = await sbiCall({ port, method: 'MOSIPDINFO', path: '/info', body: '', timeoutMs: options.infoTimeoutMs, signal });
    const parsed = DeviceInfoResponse.safeParse(parseJsonOrUndefined(answer.body.toString('utf8')));
    if (!parsed.success) throw new AppError('ERR_SBI_MALFORMED_RESPONSE', { port, method: 'MOSIPDINFO', issue: 'not a JSON array of {deviceInfo, error}' });
    for (const element of parsed.data) {
      try {
        devices.push(verifyDeviceInfoElement(element, { port, trust: options.trust, now: options.now(), clockSkewMs: options.clockSkewMs, digitalIdDomain: options.digitalIdDomain }));
      } catch (err) {
        reject(err);
      }
    }
  } catch (err) {
    reject(err);
  }
  return { devices, rejected };
}

/**
 * Discovery (sbi-protocol.md §1.5): parallel TCP connect checks over the configured ports, then
 * MOSIPDINFO on the ports that accept, all at once. Total time is bounded by roughly
 * `connectTimeoutMs + infoTimeoutMs`, even when ports accept and never answer.
 */
export async function discoverDevices(options: ResolvedSbiClientOptions, signal?: AbortSignal): Promise<DiscoveryResult> {
  const started = performance.now();
  const open = await mapLimited(options.ports, options.scanConcurrency, async (port) => ((await isPortOpen(port, options.connectTimeoutMs)) ? port : undefined));
  const openPorts = open.filter((p): p is number => p !== undefined);
  const perPort = await Promise.all(openPorts.map(async (port) => infoOnPort(port, options, signal)));
  return {
    devices: perPort.flatMap((p) => p.devices),
    rejected: perPort.flatMap((p) => p.rejected),
    scannedPorts: options.ports.length,
    elapsedMs: performance.now() - started,
  };
}
