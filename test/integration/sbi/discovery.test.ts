import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { clientFor, startSimulator } from './sbiTestKit';

/** Servers that accept connections and never answer (a hung vendor SBI). */
async function silentServers(count: number): Promise<{ ports: number[]; close: () => Promise<void> }> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  for (let i = 0; i < count; i++) {
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => socket.destroy()); // the client aborting is expected
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    servers.push(server);
  }
  return {
    ports: servers.map((s) => (s.address() as { port: number }).port),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map(async (s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/** A port that was just free: listen on 0, note the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
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
    const closed = [await closedPort(), await closedPort()];
    const client = clientFor(simulator, { ports: [...closed, ...simulator.ports] });
    const result = await client.discover();
    assert.deepEqual(result.devices.map((d) => d.digitalId.type).sort(), ['Face', 'Finger', 'Iris']);
    assert.deepEqual(result.rejected, []);
    assert.equal(result.scannedPorts, 5);
  });

  it('stays within its time bound when ports accept and never answer', async () => {
    const silent = await silentServers(10);
    try {
      const client = clientFor(simulator, { ports: [...silent.ports, ...simulator.ports], infoTimeoutMs: 300 });
      const result = await client.discover();
      assert.equal(result.devices.length, 3);
      assert.deepEqual(new Set(result.rejected.map((r) => r.code)), new Set(['ERR_SBI_TIMEOUT']));
      assert.ok(result.elapsedMs < 300 + 300 + 500, `discovery took ${result.elapsedMs} ms`);
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
