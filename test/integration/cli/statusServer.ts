import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server whose answer to every request is a status the test sets: what a wrong
 * address (404), a web server refusing GET (405) or a MOSIP gateway (200 on the health path) says.
 */
export interface StatusServer {
  readonly url: string;
  /** paths requested so far, in order */
  readonly paths: string[];
  status: number;
  close(): Promise<void>;
}

export async function startStatusServer(): Promise<StatusServer> {
  const paths: string[] = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(state.status, { 'content-type': 'application/json' });
    res.end(state.status === 200 ? '{"status":"UP"}' : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    get status() {
      return state.status;
    },
    set status(value: number) {
      state.status = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
