import { createServer, type Server, type Socket } from 'node:net';
import { SbiClient } from '../../native/sbi/SbiClient';
import { parsePortRange } from '../../native/sbi/SbiClientOptions';
import { sbiCall } from '../../native/sbi/sbiTransport';
import { TrustStore } from '../../native/sbi/TrustStore';
import { verifyCaptureResponse } from '../../native/sbi/verifyCapture';
import type { Modality } from '../../schemas/sbi';
import { SbiSimulator } from '../sims/sbi/SbiSimulator';

/**
 * `npm run bench -- devices [--ports 4501-4600] [--runs 15]`: issue 4's figures.
 * 1. discovery over the whole range with the 3 simulated devices and every other port closed
 *    (target ≤ 300 ms);
 * 2. the same with 20 ports that accept connections and never answer (target ≤ 2 s);
 * 3. client-side verification per capture: every JWS, trust path, echo, time, subtype, canonical
 *    bioValue and hash-chain check on a recorded RCAPTURE response (target ≤ 20 ms).
 */

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (n=${samples.length})`;
}

/** Listens on free ports of the range that accept and never answer. */
async function silentPorts(range: { from: number; to: number }, count: number, taken: readonly number[]): Promise<{ ports: number[]; close: () => Promise<void> }> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const ports: number[] = [];
  for (let port = range.to; port >= range.from && ports.length < count; port--) {
    if (taken.includes(port)) continue;
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => socket.destroy()); // the client gives up on us: expected
    });
    const isBound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (isBound) {
      servers.push(server);
      ports.push(port);
    }
  }
  return {
    ports,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map(async (s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

async function timeDiscovery(client: SbiClient, runs: number, expectDevices: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await client.discover();
    if (result.devices.length !== expectDevices) throw new Error(`bench: expected ${expectDevices} devices, found ${result.devices.length}`);
    samples.push(result.elapsedMs);
  }
  return samples;
}

async function timeVerification(client: SbiClient, modality: Modality, runs: number): Promise<number[]> {
  const device = await client.deviceFor(modality);
  const request = client.buildCaptureRequest(device, { modality, previousHash: '' });
  const answer = await sbiCall({ port: device.port, method: 'RCAPTURE', path: '/capture', body: JSON.stringify(request), timeoutMs: 20_000 });
  const body = answer.body.toString('utf8');
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    verifyCaptureResponse(body, {
      device, modality, request, exceptions: [], trust: client.options.trust, now: Date.now(), clockSkewMs: client.options.clockSkewMs,
      timestampWindowMs: client.options.timestampWindowMs, hashChainPolicy: 'strict', digitalIdDomain: 'DEVICE',
    });
    samples.push(performance.now() - started);
  }
  return samples;
}

export default async function bench(args: string[]): Promise<void> {
  const range = parsePortRange(option(args, '--ports', '4501-4600'));
  const runs = Number(option(args, '--runs', '15'));
  const simulator = await SbiSimulator.start({ ports: range });
  try {
    const trust = new TrustStore();
    trust.addPem(simulator.pki.deviceCaPem);
    const client = new SbiClient({ trust, ports: range });
    console.log(`devices bench: ports ${range.from}-${range.to}, simulator on ${simulator.ports.join(', ')}, node ${process.version}`);
    await client.discover(); // warm-up: module loading and JIT
    console.log(`discovery, 3 devices, rest closed:              ${stats(await timeDiscovery(client, runs, 3))}   target ≤ 300 ms`);
    const silent = await silentPorts(range, 20, simulator.ports);
    try {
      const hanging = await timeDiscovery(client, Math.max(3, Math.floor(runs / 3)), 3);
      console.log(`discovery, 3 devices + ${silent.ports.length} silent ports:          ${stats(hanging)}   target ≤ 2000 ms (infoTimeoutMs ${client.options.infoTimeoutMs})`);
    } finally {
      await silent.close();
    }
    for (const modality of ['left-slap', 'iris', 'face'] as const) {
      const samples = await timeVerification(client, modality, 100);
      console.log(`verification per capture (${modality.padEnd(9)}):           ${stats(samples)}   target ≤ 20 ms`);
    }
  } finally {
    await simulator.close();
  }
}
