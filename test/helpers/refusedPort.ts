import { connect, createServer, type Server, type Socket } from 'node:net';

/** A loopback port that refuses connections for as long as it is held. */
export interface RefusedPort {
  readonly port: number;
  release(): Promise<void>;
}

/**
 * A port where nothing listens, that no other process can take while we hold it: the local port
 * of an open client connection. Freeing a port and trusting it to stay free (listen on 0, close)
 * races with every other process on the machine; a connected socket keeps its port bound (another
 * bind fails with EADDRINUSE) without listening, so a connect to it is refused (ECONNREFUSED),
 * which is exactly "no server there".
 */
export async function refusedPort(): Promise<RefusedPort> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy()); // our own release resets it
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = connect({ host: '127.0.0.1', port: (server.address() as { port: number }).port });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('error', reject);
  });
  client.on('error', () => client.destroy());
  return {
    port: client.localPort!,
    release: async () => {
      client.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
