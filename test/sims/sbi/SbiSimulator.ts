import { writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { SbiHttpServer, type SbiHttpRequest, type SbiHttpResponse } from './SbiHttpServer';
import { SimulatedDevice, type SimProfile, type SimStatus } from './SimulatedDevice';
import { createSimulatorPki, type SimulatorPki } from './SimulatorPki';
import { SIM_DEVICES, type SimDeviceKind } from './simDevices';
import { isSimFault, TRANSPORT_FAULTS, type SimFault } from './simFaults';

/**
 * The SBI device simulator: finger slap, iris (double) and face devices, each on its own port of
 * 127.0.0.1, sharing one throwaway PKI. Admin endpoints (`POST /admin/status|score|delay|profile`)
 * answer on every port, as MockMDS's do (sbi-protocol.md §6.3), plus `/admin/fault` for faults.
 */

export interface SbiSimulatorOptions {
  /** ports to try, in order, for each device; 0 = any free port. Default 4501..4600. */
  readonly ports?: { readonly from: number; readonly to: number } | 0;
  readonly devices?: readonly SimDeviceKind[];
  readonly profile?: SimProfile;
  /** reuse a PKI (tests and benchmarks start many simulators) */
  readonly pki?: SimulatorPki;
  readonly now?: () => number;
  readonly frameIntervalMs?: number;
  /** the callbackId path every device advertises and serves capture/stream under (default `/`) */
  readonly callbackPath?: string;
}

const TYPE_TO_KIND: Readonly<Record<string, SimDeviceKind>> = { Finger: 'finger', Iris: 'iris', Face: 'face' };
const ADMIN_OK = { errorCode: '0', errorInfo: 'Success' };

export class SbiSimulator {
  readonly pki: SimulatorPki;
  readonly devices: ReadonlyMap<SimDeviceKind, SimulatedDevice>;
  readonly #servers: SbiHttpServer[] = [];
  readonly #profile: SimProfile;
  readonly #requestWaiters: { device: SimulatedDevice; method: string; resolve: (socket: Socket) => void }[] = [];

  private constructor(pki: SimulatorPki, devices: Map<SimDeviceKind, SimulatedDevice>, profile: SimProfile) {
    this.pki = pki;
    this.devices = devices;
    this.#profile = profile;
  }

  /** Generates the PKI and starts every device on the first free port of the range. */
  static async start(options: SbiSimulatorOptions = {}): Promise<SbiSimulator> {
    const kinds = options.devices ?? (['finger', 'iris', 'face'] as const);
    const profile = options.profile ?? 'spec';
    const pki = options.pki ?? (await createSimulatorPki(['finger', 'iris', 'face']));
    const devices = new Map(kinds.map((kind) => [kind, new SimulatedDevice({ definition: SIM_DEVICES[kind], pki, profile, now: options.now, frameIntervalMs: options.frameIntervalMs, ...(options.callbackPath ? { callbackPath: options.callbackPath } : {}) })]));
    const simulator = new SbiSimulator(pki, devices, profile);
    try {
      for (const device of devices.values()) device.port = await simulator.#listen(device, options.ports ?? { from: 4501, to: 4600 });
    } catch (err) {
      await simulator.close();
      throw err;
    }
    return simulator;
  }

  async #listen(device: SimulatedDevice, ports: { from: number; to: number } | 0): Promise<number> {
    const server = new SbiHttpServer(async (request, socket) => this.#route(device, request, socket));
    const candidates = ports === 0 ? [0] : range(ports.from, ports.to);
    for (const port of candidates) {
      try {
        const bound = await server.listen(port);
        this.#servers.push(server);
        return bound;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      }
    }
    throw new Error(`SbiSimulator: no free port for ${device.definition.kind}`);
  }

  /** The device of a kind; throws when the simulator was started without it. */
  device(kind: SimDeviceKind): SimulatedDevice {
    const device = this.devices.get(kind);
    if (!device) throw new Error(`SbiSimulator.device: ${kind} is not running`);
    return device;
  }

  get ports(): number[] {
    return [...this.devices.values()].map((d) => d.port);
  }

  /** Typed control for tests: inject a fault on one device (undefined clears it). */
  setFault(kind: SimDeviceKind, fault: SimFault | undefined, methods?: readonly string[]): void {
    const device = this.device(kind);
    device.fault = fault === undefined ? undefined : { fault, methods: methods ?? (TRANSPORT_FAULTS.includes(fault) ? ['MOSIPDISC', 'MOSIPDINFO', 'RCAPTURE', 'STREAM'] : ['RCAPTURE', 'MOSIPDINFO']) };
  }

  /** Resolves with the connection of a device's next request of this SBI method, as it arrives (a test watches it close). */
  async waitForRequest(kind: SimDeviceKind, method: string): Promise<Socket> {
    const device = this.device(kind);
    return new Promise((resolve) => this.#requestWaiters.push({ device, method, resolve }));
  }

  /** Writes the device CA certificate (PEM) for clients to trust. */
  async exportCaCertificate(path: string): Promise<void> {
    await writeFile(path, this.pki.deviceCaPem);
  }

  async close(): Promise<void> {
    await Promise.all(this.#servers.map(async (s) => s.close()));
  }

  async #route(device: SimulatedDevice, request: SbiHttpRequest, socket: Socket): Promise<SbiHttpResponse | 'handled'> {
    if (request.method === 'POST' && request.path.startsWith('/admin/')) return this.#admin(request);
    const waiting = this.#requestWaiters.filter((w) => w.device === device && w.method === request.method);
    for (const waiter of waiting) {
      this.#requestWaiters.splice(this.#requestWaiters.indexOf(waiter), 1);
      waiter.resolve(socket);
    }
    return device.handle(request, socket);
  }

  /** MockMDS admin API (§6.3); in the mockmds profile setting one type resets the others. */
  #admin(request: SbiHttpRequest): SbiHttpResponse {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return adminAnswer({ errorCode: '123', errorInfo: 'No Description available' });
    }
    const type = String(body.type ?? '');
    const targets = type === 'Biometric Device' ? [...this.devices.values()] : [this.devices.get(TYPE_TO_KIND[type] ?? 'finger')].filter((d) => d && d.definition.type === type);
    if (targets.length === 0) return adminAnswer({ errorCode: '502', errorInfo: 'Invalid type value' });
    if (this.#profile === 'mockmds') for (const other of this.devices.values()) if (!targets.includes(other)) other.reset();
    const apply = (change: (device: SimulatedDevice) => void) => {
      for (const target of targets) if (target) change(target);
      return adminAnswer(ADMIN_OK);
    };
    switch (request.path) {
      case '/admin/status': {
        const status = String(body.deviceStatus);
        if (!['Ready', 'Busy', 'Not Ready', 'Not Registered'].includes(status)) return adminAnswer({ errorCode: '504', errorInfo: 'Invalid device status' });
        return apply((d) => (d.status = status as SimStatus));
      }
      case '/admin/score': {
        const score = Number(body.qualityScore);
        if (typeof body.qualityScore !== 'string' || !(score >= 0 && score <= 100)) return adminAnswer({ errorCode: '505', errorInfo: 'Invalid quality score' });
        return apply((d) => {
          d.score = score;
          d.isScoreFromIso = body.fromIso === true;
        });
      }
      case '/admin/delay': {
        const delay = Number(body.delay);
        const methods = Array.isArray(body.method) ? body.method.map(String) : ['MOSIPDISC', 'MOSIPDINFO', 'RCAPTURE', 'CAPTURE', 'STREAM'];
        if (!(delay >= 0)) return adminAnswer({ errorCode: '506', errorInfo: 'Invalid delay' });
        return apply((d) => {
          d.delays.clear();
          for (const method of methods) d.delays.set(method, delay);
        });
      }
      case '/admin/profile':
        return apply((d) => (d.profileId = String(body.profileId ?? '') || 'Default'));
      case '/admin/fault': {
        const fault = body.fault;
        if (fault !== 'none' && !isSimFault(fault)) return adminAnswer({ errorCode: '507', errorInfo: 'Unknown fault' });
        for (const target of targets) if (target) this.setFault(target.definition.kind, fault === 'none' ? undefined : fault, Array.isArray(body.method) ? body.method.map(String) : undefined);
        return adminAnswer(ADMIN_OK);
      }
      default:
        return { status: 405, reason: 'OK', body: JSON.stringify({ errorCode: '500', errorInfo: 'Invalid URL' }) };
    }
  }
}

function adminAnswer(value: { errorCode: string; errorInfo: string }): SbiHttpResponse {
  return { status: 200, headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify(value) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
