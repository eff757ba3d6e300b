import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { base64Length, MAX_UPLOAD_BYTES } from '../../../schemas/api/registrationApi';
import { MAX_FRAME_BYTES } from '../../../schemas/api/transport';

/** Everything the server sends on one raw TCP connection until it closes it. */
function rawExchange(port: number, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    // a reset (the host died mid-request) reads as whatever arrived: no status, so the test fails
    socket.on('error', () => undefined);
    socket.on('close', () => resolvePromise(Buffer.concat(chunks)));
    socket.on('connect', () => socket.write(bytes));
  });
}

/** A raw HTTP/1.1 request, the path sent byte-for-byte as given (no client-side encoding or checks). */
const rawGet = (port: number, path: string) => rawExchange(port, Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'latin1'));
const statusOf = (response: Buffer) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response.toString('latin1'))?.[1]);

/** A client frame as RFC 6455 §5.2 lays it out: FIN + opcode, masked, with a 64-bit length. */
function frameHeader(opcode: number, length: number, mask: Buffer): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x80 | opcode;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  mask.copy(header, 10);
  return header;
}

function masked(payload: Buffer, mask: Buffer): Buffer {
  return Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
}

/** Opens the API socket by hand and returns it once the server answered 101. */
function rawUpgrade(port: number, token: string): Promise<{ socket: Socket; received: () => Buffer; closed: Promise<void> }> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.on('error', () => undefined); // the server may reset us after its close frame
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (upgraded || end < 0) return;
      upgraded = true;
      if (statusOf(buffer) !== 101) return reject(new Error(buffer.toString('latin1')));
      buffer = buffer.subarray(end + 4);
      resolvePromise({ socket, received: () => buffer, closed });
    });
    socket.on('connect', () =>
      socket.write(
        `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
  });
}

/** The status code of the server's close frame (RFC 6455 §5.5.1), if it sent one. */
function closeCode(bytes: Buffer): number | undefined {
  return bytes[0] === 0x88 && bytes[1]! >= 2 ? bytes.readUInt16BE(2) : undefined;
}

describe('BrowserHost survives hostile local clients (its own process, raw sockets on loopback)', () => {
  let child: ChildProcessWithoutNullStreams;
  let host: { port: number; token: string };
  let exited: Promise<number | null>;
  let stderr = '';

  const pageServed = async () => statusOf(await rawGet(host.port, `/?token=${host.token}`));
  /** A well-behaved client on its own socket still gets answers. */
  const apiAnswers = async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
    const reply = await new Promise<{ ok: boolean }>((r) => {
      ws.once('message', (data) => r((JSON.parse(String(data)) as { reply: { ok: boolean } }).reply));
      ws.send(JSON.stringify({ type: 'call', seq: 1, method: 'app.info', input: {} }));
    });
    ws.close();
    return reply.ok;
  };

  // One host process for the file: a request that kills it shows as a closed connection and
  // every later check refused, instead of taking the test runner down with it.
  before(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./browserHostProcess.ts', import.meta.url))], { stdio: 'pipe' });
    child.stderr.on('data', (c) => (stderr += String(c)));
    exited = new Promise((r) => child.once('exit', (code) => r(code)));
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    host = JSON.parse(line) as { port: number; token: string };
  });
  after(async () => {
    child.stdin.end();
    await exited;
  });
  afterEach(() => assert.equal(child.exitCode, null, `the host process died: ${stderr.slice(-2000)}`));

  it('answers a malformed percent-escape with 400 and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/app%ZZ.js', '/a%00b']) assert.equal(statusOf(await rawGet(host.port, path)), 400, path);
    assert.equal(statusOf(await rawGet(host.port, '/app.js')), 200);
    assert.equal(await pageServed(), 200);
  });

  it('does not serve the page without the token however its path is spelled', async () => {
    for (const path of ['/%69ndex.html', '/%69%6E%64%65%78%2E%68%74%6D%6C', '/./index.html', '/assets/../index.html', '//index.html']) {
      assert.equal(statusOf(await rawGet(host.port, path)), 403, path);
    }
    assert.equal(statusOf(await rawGet(host.port, `/%69ndex.html?token=${host.token}`)), 200);
  });

  it('closes only the socket whose frame announces more than the limit (1009), and serves the others', async () => {
    const other = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    await new Promise((r, j) => (other.once('open', r), other.once('error', j)));
    const { socket, received, closed } = await rawUpgrade(host.port, host.token);
    socket.write(frameHeader(0x1, MAX_FRAME_BYTES + 1, randomBytes(4)));
    await closed;
    assert.equal(closeCode(received()), 1009);
    assert.equal(other.readyState, WebSocket.OPEN, 'another page keeps its socket');
    other.close();
    assert.equal(await apiAnswers(), true);
    assert.equal(await pageServed(), 200);
  });

  it('closes only the socket that sends invalid UTF-8 (1007), and keeps serving', async () => {
    const { socket, received, closed } = await rawUpgrade(host.port, host.token);
    const mask = randomBytes(4);
    const payload = Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]);
    socket.write(Buffer.concat([frameHeader(0x1, payload.length, mask), masked(payload, mask)]));
    await closed;
    assert.equal(closeCode(received()), 1007);
    assert.equal(await apiAnswers(), true);
  });

  it('keeps a frame of the largest size the page may send within the limit', () => {
    // drafts.attachDocument at MAX_UPLOAD_BYTES is the largest call: its JSON must fit one frame
    const files = Array.from({ length: 10 }, (_, i) => ({ name: `page-${i}.jpg`, mimeType: 'image/jpeg', base64: 'A'.repeat(Math.floor(base64Length(MAX_UPLOAD_BYTES) / 10)) }));
    const frame = JSON.stringify({ type: 'call', seq: 2 ** 31, method: 'drafts.attachDocument', input: { draftId: 'd'.repeat(100), fieldId: 'f'.repeat(100), documentType: 't'.repeat(100), refNumber: 'r'.repeat(100), files } });
    assert.ok(Buffer.byteLength(frame) <= MAX_FRAME_BYTES, `${Buffer.byteLength(frame)} > ${MAX_FRAME_BYTES}`);
  });
});
