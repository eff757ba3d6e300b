import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { formatHttpResponse, parseHttpRequest, SbiHttpServer } from '../../../sims/sbi/SbiHttpServer';

function bytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

describe('parseHttpRequest', () => {
  it('parses an SBI verb with a Content-Length body', () => {
    const parsed = parseHttpRequest(bytes('RCAPTURE /capture HTTP/1.1\r\nHost: 127.0.0.1:4501\r\ncontent-length:2\r\n\r\n{}'));
    assert.equal(parsed.kind, 'request');
    if (parsed.kind !== 'request') return;
    assert.deepEqual([parsed.request.method, parsed.request.path, parsed.request.version, parsed.request.body.toString()], ['RCAPTURE', '/capture', 'HTTP/1.1', '{}']);
    assert.equal(parsed.request.headers.get('host'), '127.0.0.1:4501');
  });

  it('waits for the rest of the head and of the body', () => {
    assert.deepEqual(parseHttpRequest(bytes('MOSIPDINFO /info HTTP/1.1\r\nContent-Len')), { kind: 'incomplete' });
    assert.deepEqual(parseHttpRequest(bytes('STREAM /stream HTTP/1.1\r\nContent-Length: 10\r\n\r\n{"a"')), { kind: 'incomplete' });
  });

  it('rejects a malformed request line, a bad length and chunked bodies', () => {
    assert.equal(parseHttpRequest(bytes('GARBAGE\r\n\r\n')).kind, 'bad');
    assert.equal(parseHttpRequest(bytes('MOSIPDISC /device HTTP/1.1\r\nContent-Length: x\r\n\r\n')).kind, 'bad');
    assert.equal(parseHttpRequest(bytes('MOSIPDISC /device HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n')).kind, 'bad');
    assert.equal(parseHttpRequest(bytes('MOSIPDISC /device HTTP/1.1\r\nContent-Length: 9999999\r\n\r\n')).kind, 'bad');
  });

  it('rejects a head larger than the limit', () => {
    assert.deepEqual(parseHttpRequest(Buffer.alloc(100, 0x41), 50), { kind: 'bad', reason: 'head too large' });
  });
});

describe('formatHttpResponse', () => {
  it('writes status, headers, byte length, Connection: close and the trailer', () => {
    const text = formatHttpResponse({ status: 405, reason: 'OK', headers: { 'Content-Type': 'application/json' }, body: 'é', trailer: '\r\n\r\n' }).toString('utf8');
    assert.equal(text, 'HTTP/1.1 405 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\né\r\n\r\n');
  });
});

describe('SbiHttpServer', () => {
  let server: SbiHttpServer;
  let port: number;

  beforeEach(async () => {
    server = new SbiHttpServer(async (req) => ({ status: 200, body: `${req.method} ${req.path} ${req.body.toString()}` }));
    port = await server.listen(0);
  });
  afterEach(async () => {
    await server.close();
  });

  it('answers a custom verb sent by node:http (the client side works, HPE_INVALID_METHOD is server-only)', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'MOSIPDISC', path: '/device', agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString()));
      });
      req.on('error', reject);
      req.end('{"type":"Finger"}');
    });
    assert.equal(text, 'MOSIPDISC /device {"type":"Finger"}');
  });

  it('handles a request split across many TCP writes', async () => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    for (const piece of ['MOSIPD', 'INFO /info HT', 'TP/1.1\r\nContent-Length: 0\r', '\n\r\n']) socket.write(piece);
    await closed;
    assert.match(Buffer.concat(chunks).toString(), /^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nMOSIPDINFO \/info $/);
  });

  it('answers 400 to a malformed request instead of crashing', async () => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('NOT A REQUEST\r\n\r\n');
    await closed;
    assert.match(Buffer.concat(chunks).toString(), /^HTTP\/1\.1 400 /);
  });
});
