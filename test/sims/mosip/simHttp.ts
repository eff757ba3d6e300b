import type { IncomingHttpHeaders } from 'node:http';

/** A request after the simulator has read it whole. */
export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly cookies: Readonly<Record<string, string>>;
}

export interface SimReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | string[]>>;
  readonly body: Buffer | string;
  /** add `Response-Signature` over the exact body bytes (syncdata @ResponseFilter, regproc) */
  readonly signed?: boolean;
}

export const mosipTime = (ms: number): string => new Date(ms).toISOString();

/** 200 with the MOSIP response wrapper. */
export function okReply(now: number, id: string, response: unknown, extra: Partial<SimReply> = {}): SimReply {
  return { status: 200, signed: true, ...extra, body: JSON.stringify({ id, version: '1.0', responsetime: mosipTime(now), metadata: null, response, errors: null }) };
}

/**
 * A business error: HTTP 200 by default, as MOSIP does, with `errors[]` and a null response.
 * Never signed: it comes from the controller advice (syncdata SyncHandlerControllerAdvice), whose
 * handlers have no @ResponseFilter, so SyncResponseBodyAdviceConfig.supports() is false for them.
 */
export function errorReply(now: number, id: string, errorCode: string, message: string, status = 200): SimReply {
  return {
    status,
    signed: false,
    body: JSON.stringify({ id, version: '1.0', responsetime: mosipTime(now), metadata: null, response: null, errors: [{ errorCode, message }] }),
  };
}

export function jsonReply(status: number, value: unknown): SimReply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

export interface MultipartPart {
  readonly name: string;
  readonly filename: string | undefined;
  readonly data: Buffer;
}

/** Minimal multipart/form-data reader (RFC 7578), enough for the packet receiver's one `file` part. */
export function parseMultipart(contentType: string | undefined, body: Buffer): MultipartPart[] {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!match) throw new Error('not multipart/form-data (no boundary)');
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    const next = body.indexOf(delimiter, headerEnd);
    if (headerEnd < 0 || next < 0) throw new Error('truncated multipart body');
    const headers = body.subarray(start + 2, headerEnd).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    parts.push({ name, filename, data: body.subarray(headerEnd + 4, next - 2) });
    pos = next;
  }
  return parts;
}
