import type { Socket } from 'node:net';
import type { SbiHttpResponse } from './SbiHttpServer';
import type { SimFault } from './simFaults';

/**
 * The faults that act on the connection rather than on the SBI answer: a hang, a reset mid-body,
 * truncated JSON, and the hostile floods (issue 12: a fake device pushed 182 MB in one discovery).
 */
export function transportFault(fault: SimFault, socket: Socket): SbiHttpResponse | 'handled' {
  if (fault === 'hang') return 'handled'; // keep the socket open and never answer; server close() destroys it
  if (fault === 'malformedJson') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '[{"deviceInfo": "eyJ' };
  if (fault === 'flood' || fault === 'floodFrame') {
    void flood(socket, fault);
    return 'handled';
  }
  // reset after part of the head, so the client sees ECONNRESET mid-response
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"biometrics":[');
  setImmediate(() => socket.resetAndDestroy());
  return 'handled';
}

/** Writes until the client hangs up, waiting on backpressure: memory stays flat on this side. */
async function flood(socket: Socket, fault: 'flood' | 'floodFrame'): Promise<void> {
  const filler = Buffer.alloc(1024 * 1024, fault === 'flood' ? 0x20 : 0xab);
  if (fault === 'flood') socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
  else socket.write('HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary=--mjpeg\r\n\r\n--mjpeg\r\nContent-Type: image/jpeg\r\nContent-Length: 1099511627776\r\n\r\n\xff\xd8', 'latin1');
  const piece = fault === 'flood' ? Buffer.concat([Buffer.from(`${filler.length.toString(16)}\r\n`), filler, Buffer.from('\r\n')]) : filler;
  while (!socket.destroyed) {
    if (!socket.write(piece)) await new Promise<void>((resolve) => { socket.once('drain', resolve); socket.once('close', resolve); });
  }
}
