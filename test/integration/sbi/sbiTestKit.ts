import { randomUUID } from 'node:crypto';
import { SbiClient } from '../../../native/sbi/SbiClient';
import type { SbiClientOptions } from '../../../native/sbi/SbiClientOptions';
import { sbiCall } from '../../../native/sbi/sbiTransport';
import { TrustStore } from '../../../native/sbi/TrustStore';
import { SbiSimulator, type SbiSimulatorOptions } from '../../sims/sbi/SbiSimulator';
import { createSimulatorPki, type SimulatorPki } from '../../sims/sbi/SimulatorPki';

/**
 * Shared fixture of the SBI tests: one PKI per test file and minting time (RSA key generation is the
 * slow part), a fresh simulator per test on OS-assigned ports, so parallel test files never see each
 * other. The certificates are minted at the simulator's own clock (`now`), which a test shares with
 * the app under test: a fixed test clock never meets a certificate minted on the calendar.
 */
const pkis = new Map<number | 'calendar', Promise<SimulatorPki>>();

/** The file's PKI minted at `at` (a test clock's time), or once on the calendar when no time is given. */
export async function testPki(at?: number): Promise<SimulatorPki> {
  const key = at ?? 'calendar';
  let pki = pkis.get(key);
  if (!pki) {
    pki = createSimulatorPki(['finger', 'iris', 'face'], new Date(at ?? Date.now()));
    pkis.set(key, pki);
  }
  return pki;
}

export async function startSimulator(options: Omit<SbiSimulatorOptions, 'pki' | 'ports'> = {}): Promise<SbiSimulator> {
  const pki = await testPki(options.now ? options.now() : undefined);
  return SbiSimulator.start({ ...options, ports: 0, pki, frameIntervalMs: options.frameIntervalMs ?? 5 });
}

/** A client that trusts the simulator's device CA and scans only its ports. */
export function clientFor(simulator: SbiSimulator, options: Partial<SbiClientOptions> = {}): SbiClient {
  const trust = new TrustStore();
  trust.addPem(simulator.pki.deviceCaPem);
  return new SbiClient({ trust, ports: simulator.ports, captureTimeoutMs: 2000, infoTimeoutMs: 1000, ...options });
}

/** One raw SBI call to a simulator port, body parsed as JSON. */
export async function rawCall(port: number, method: string, path: string, body: unknown = ''): Promise<{ status: number; json: unknown; text: string }> {
  const answer = await sbiCall({ port, method, path, body: typeof body === 'string' ? body : JSON.stringify(body), timeoutMs: 5000 });
  const text = answer.body.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined; // some tests look at non-JSON answers
  }
  return { status: answer.status, json, text };
}

/** A CTK-style RCAPTURE request (mosip-compliance-toolkit-ui sbi-helper conventions, sbi-protocol.md §7). */
export function ctkCaptureRequest(testId: string, bio: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    env: 'Developer',
    purpose: 'Registration',
    specVersion: '0.9.5',
    timeout: '10000',
    captureTime: new Date().toISOString(),
    transactionId: `${testId}-${Date.now()}`,
    bio: [{ bioSubType: [], exception: [], requestedScore: '40', previousHash: '', ...bio }],
    customOpts: null,
    ...overrides,
  };
}

export function transactionId(): string {
  return randomUUID();
}
