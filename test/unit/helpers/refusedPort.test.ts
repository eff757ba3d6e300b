import assert from 'node:assert/strict';
import { connect, createServer } from 'node:net';
import { describe, it } from 'node:test';
import { refusedPort } from '../../helpers/refusedPort';

const connectCode = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });

const listenCode = (port: number, host: string) =>
  new Promise<string>((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    server.listen(port, host, () => server.close(() => resolve('listening')));
  });

describe('refusedPort', () => {
  it('refuses connections and cannot be taken by a server while held', async () => {
    const held = await refusedPort();
    try {
      assert.equal(await connectCode(held.port), 'ECONNREFUSED');
      assert.equal(await listenCode(held.port, '127.0.0.1'), 'EADDRINUSE');
      assert.equal(await listenCode(held.port, '0.0.0.0'), 'EADDRINUSE');
    } finally {
      await held.release();
    }
  });

  it('gives distinct ports to distinct holders', async () => {
    const ports = await Promise.all([refusedPort(), refusedPort(), refusedPort()]);
    try {
      assert.equal(new Set(ports.map((p) => p.port)).size, 3);
    } finally {
      await Promise.all(ports.map((p) => p.release()));
    }
  });
});
