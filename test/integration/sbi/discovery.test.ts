import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { refusedPort } from '../../helpers/refusedPort';
import { clientFor, startSimulator } from './sbiTestKit';

/**
 * Servers that accept connections and never answer (a hung vendor SBI). They record, per port, the
 * requests received and the most requests held open at once, which shows whether the client waits
 * on the hung ports together (one timeout) or one after the other (a timeout each).
 */
async function silentServers(count: number): Promise<{ ports: number[]; requests: Map<number, number>; maxInFlight: () => number; close: () => Promise<void> }> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const requests = new Map<number, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  for (let i = 0; i < count; i++) {
    const server = createServer((socket) => {
      sockets.add(socket);
      let asked = false;
      socket.on('data', () => {
        if (asked) return;
        asked = true; // a request arrived (the bare connect check sends nothing)
        requests.set(socket.localPort!, (requests.get(socket.localPort!) ?? 0) + 1);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
      });
      socket.on('close', () => {
        if (asked) inFlight--;
      });
      socket.on('error', () => socket.destroy()); // the client aborting is expected
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    servers.push(server);
  }
  return {
    ports: servers.map((s) => (s.address() as { port: number }).port),
    requests,
    maxInFlight: () => maxInFlight,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map(async (s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

describe('discoverDevices', () => {
  let simulator: SbiSimulator;

  beforeEach(async () => {
    simulator = await startSimulator();
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('finds the three devices among closed ports', async () => {
    // Held for the whole test: a port merely freed could be taken by another process meanwhile.
    const closed = [await refusedPort(), await refusedPort()];
    try {
      const client = clientFor(simulator, { ports: [...closed.map((c) => c.port), ...simulator.ports] });
      const result = await client.discover();
      assert.deepEqual(result.devices.map((d) => d.digitalId.type).sort(), ['Face', 'Finger', 'Iris']);
      assert.deepEqual(result.rejected, []);
      assert.equal(result.scannedPorts, 5);
    } finally {
      await Promise.all(closed.map((c) => c.release()));
    }
  });

  it('waits on ports that accept and never answer together, so they cost one timeout, not one each', async () => {
    // No wall-clock bound (2 shared cores): the bound follows from every hung port being asked at
    // once, once each, and all of them timing out; a sequential scan would hold one at a time.
    const silent = await silentServers(10);
    try {
      const client = clientFor(simulator, { ports: [...silent.ports, ...simulator.ports], infoTimeoutMs: 1500 });
      const result = await client.discover();
      assert.equal(result.devices.length, 3);
      assert.deepEqual(result.rejected.map((r) => [r.port, r.code]).sort(), silent.ports.map((p) => [p, 'ERR_SBI_TIMEOUT']).sort());
      assert.deepEqual([...silent.requests].sort(), silent.ports.map((p) => [p, 1]).sort(), 'each hung port asked once: no retry adds a timeout');
      assert.equal(silent.maxInFlight(), 10, 'all hung ports held open at the same time');
    } finally {
      await silent.close();
    }
  });

  it('re-discovers on demand after a device leaves', async () => {
    const client = clientFor(simulator);
    assert.equal((await client.discover()).devices.length, 3);
    await simulator.close();
    assert.equal((await client.discover()).devices.length, 0);
  });
});
