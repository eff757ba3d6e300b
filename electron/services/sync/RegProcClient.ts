import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { randomBytes, X509Certificate } from 'node:crypto';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { isAppError } from '../../../schemas/errors';
import { MOSIP_ERROR } from '../../../schemas/mosipErrorCodes';
import { PacketExternalStatus, PacketUploadResponse, RegistrationStatus, RidSyncError, RidSyncRecord, RidSyncResult } from '../../../schemas/mosipSync';
import type { Clock } from '../../../native/time/Clock';
import { parseOrThrow, type MosipHttpClient } from './MosipHttpClient';
import { formatMosipTime } from './mosipTime';
import { certificateThumbprint, encryptEnvelope } from '../packets/mosipEnvelope';

const RP = '/registrationprocessor/v1';

/** How long one packet upload may take before it counts as failed (5 MB on a slow rural link); the CLI shows it. */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 10 * 60_000;

export interface RegProcClientOptions {
  readonly http: MosipHttpClient;
  readonly clock: Clock;
  /** `<centreId>_<machineId>`; sent as Center-Machine-RefId and must match the envelope's certificate */
  readonly refId: string;
  /** PEM of REGISTRATION/<refId> (see MosipSyncService.syncRegistrationCertificate) */
  readonly registrationCertPem: string;
  /** upload timeout (default 10 minutes: 5 MB on a slow rural link) */
  readonly uploadTimeoutMs?: number;
}

export interface RidSyncOutcome {
  readonly synced: readonly z.infer<typeof RidSyncResult>[];
  /** per-record refusals: the outbox parks these packets with the errorCode */
  readonly failed: readonly z.infer<typeof RidSyncError>[];
}

/** `uploaded`, or `duplicate` when the server already has it (the Java client treats that as pushed). */
export type UploadOutcome = 'uploaded' | 'duplicate';

/**
 * Registration-processor calls the packet outbox needs: RID sync (syncV2), upload (streamed
 * multipart), and status queries. Stateless and idempotent per call; retry decisions are the
 * caller's, from each AppError's retry class.
 */
export class RegProcClient {
  readonly #o: RegProcClientOptions;
  readonly #cert: X509Certificate;

  constructor(options: RegProcClientOptions) {
    if (!/^\d+_\d+$/.test(options.refId)) throw new TypeError(`RegProcClient: refId must be <centre>_<machine>, got ${options.refId}`);
    this.#o = options;
    this.#cert = new X509Certificate(options.registrationCertPem);
  }

  /**
   * syncV2: the request wrapper encrypted to REGISTRATION/<refId>, sent as a JSON string literal,
   * with the `timestamp` and `Center-Machine-RefId` headers (§4.4).
   * @throws AppError ERR_SYNC_* for the whole batch; per-record refusals come back in `failed`
   */
  async syncPackets(records: readonly RidSyncRecord[], signal?: AbortSignal): Promise<RidSyncOutcome> {
    const path = `${RP}/registrationstatus/syncV2`;
    const now = this.#o.clock.now();
    const plain = { id: 'mosip.registration.sync', version: '1.0', requesttime: formatMosipTime(now), request: records.map((r) => RidSyncRecord.parse(r)) };
    // The RID-sync body uses the same envelope as packets (reference §2.1).
    const recipient = { publicKey: this.#cert.publicKey, thumbprint: certificateThumbprint(this.#cert.raw) };
    const sealed = encryptEnvelope(recipient, Buffer.from(JSON.stringify(plain), 'utf8')).toString('base64url');
    const wrapper = await this.#o.http.callWrapper({
      method: 'POST',
      path,
      body: Buffer.from(JSON.stringify(sealed), 'utf8'),
      headers: { 'content-type': 'application/json', timestamp: formatMosipTime(now), 'center-machine-refid': this.#o.refId },
      signal,
    });
    const synced = parseOrThrow(path, z.array(RidSyncResult).nullish(), wrapper.response) ?? [];
    const failed = parseOrThrow(path, z.array(RidSyncError).nullish(), wrapper.errors) ?? [];
    // A batch-level error (no registrationId) is about the whole request: classify it like any other.
    const batch = failed.find((e) => !e.registrationId);
    if (batch) {
      // Keep responsetime: a clock-skew refusal is measured against it.
      this.#o.http.unwrap(path, Buffer.from(JSON.stringify({ responsetime: wrapper.responsetime, errors: [batch] })), z.unknown());
    }
    return { synced, failed };
  }

  /**
   * Streams `<packetId>.zip` as multipart part `file`. The caller re-verifies the hash first.
   * @throws AppError ERR_SYNC_* (RPR-PKR-005 duplicate is returned as 'duplicate', not thrown)
   */
  async uploadPacket(filePath: string, signal?: AbortSignal): Promise<UploadOutcome> {
    const path = `${RP}/packetreceiver/registrationpackets`;
    const name = basename(filePath);
    if (!name.endsWith('.zip')) throw new TypeError(`uploadPacket: ${name} must be <packetId>.zip`);
    const size = (await stat(filePath)).size;
    const boundary = `----regclient${randomBytes(12).toString('hex')}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = Readable.from(
      (async function* () {
        yield head;
        yield* createReadStream(filePath);
        yield tail;
      })(),
    );
    try {
      await this.#o.http.call(
        {
          method: 'POST',
          path,
          body,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) },
          timeoutMs: this.#o.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
          signal,
        },
        PacketUploadResponse,
      );
      return 'uploaded';
    } catch (err) {
      if (isAppError(err) && err.is('ERR_SYNC_REJECTED') && err.details.errorCode === MOSIP_ERROR.DUPLICATE_PACKET) return 'duplicate';
      throw err;
    }
  }

  /** packetexternalstatus by packetId (1.2); unknown ids are simply absent from the result. */
  async packetStatus(packetIds: readonly string[], signal?: AbortSignal): Promise<z.infer<typeof PacketExternalStatus>[]> {
    if (packetIds.length === 0) return [];
    const path = `${RP}/registrationstatus/packetexternalstatus`;
    const wrapper = await this.#o.http.callWrapper({
      method: 'POST',
      path,
      json: { id: 'mosip.registration.packet.external.status', version: '1.0', requesttime: formatMosipTime(this.#o.clock.now()), request: packetIds.map((packetId) => ({ packetId })) },
      signal,
    });
    return parseOrThrow(path, z.array(PacketExternalStatus).nullish(), wrapper.response) ?? [];
  }

  /** search by RID (legacy); at most 100 ids per call. */
  async searchStatus(registrationIds: readonly string[], signal?: AbortSignal): Promise<z.infer<typeof RegistrationStatus>[]> {
    if (registrationIds.length > 100) throw new TypeError('searchStatus: at most 100 ids per call');
    if (registrationIds.length === 0) return [];
    const path = `${RP}/registrationstatus/search`;
    const wrapper = await this.#o.http.callWrapper({
      method: 'POST',
      path,
      json: { id: 'mosip.registration.status', version: '1.0', requesttime: formatMosipTime(this.#o.clock.now()), request: registrationIds.map((registrationId) => ({ registrationId })) },
      signal,
    });
    return parseOrThrow(path, z.array(RegistrationStatus).nullish(), wrapper.response) ?? [];
  }
}

