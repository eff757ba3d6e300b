import type { Socket } from 'node:net';
import type { SbiHttpRequest, SbiHttpResponse } from './SbiHttpServer';
import { base64url, signCompactJws, type SigningIdentity, type SimulatorPki } from './SimulatorPki';
import type { SimFault } from './simFaults';
import { TRANSPORT_FAULTS } from './simFaults';
import { transportFault } from './transportFaults';
import { chainHash, corsHeaders, error, parseJson, sbiTimestamp, tamperSignature } from './sbiAnswers';
import { buildIsoRecord, previewFrame, SUBTYPES_BY_SUB_ID, validSubTypeNames, type SimDeviceDefinition } from './simDevices';
import { isoQualityScore } from './isoRecords';
import { loadJpeg2000 } from './jpeg2000';

export { chainHash, sbiTimestamp };

/**
 * One simulated SBI device behind its own port: MOSIPDISC, MOSIPDINFO, RCAPTURE and STREAM as
 * sbi-protocol.md §1–§4 describe them, MockMDS's validation order (§6.4), and the faults of
 * simFaults.ts. State is in memory and changed by the admin API or the typed control methods.
 */

/** `spec` follows the spec where MockMDS deviates; `mockmds` reproduces MockMDS's quirks. */
export type SimProfile = 'spec' | 'mockmds';
export type SimStatus = 'Ready' | 'Busy' | 'Not Ready' | 'Not Registered';

export interface SimDeviceOptions {
  readonly definition: SimDeviceDefinition;
  readonly pki: SimulatorPki;
  readonly profile: SimProfile;
  readonly now?: () => number;
  /** gap between MJPEG frames */
  readonly frameIntervalMs?: number;
  /** path of the advertised callbackId, where capture and stream are served (default `/`); MOSIP's client calls callbackId + "capture" */
  readonly callbackPath?: string;
}

const ENVS = ['Staging', 'Developer', 'Pre-Production', 'Production'];
const SUCCESS = { errorCode: '0', errorInfo: 'Success' };
export class SimulatedDevice {
  readonly definition: SimDeviceDefinition;
  port = 0;
  status: SimStatus = 'Ready';
  /** forced score (admin /score); undefined = the per-device default */
  score: number | undefined;
  isScoreFromIso = false;
  profileId = 'Default';
  readonly delays = new Map<string, number>();
  fault: { fault: SimFault; methods: readonly string[] } | undefined;
  #isCapturing = false;
  #stream: { subId: string; stop: () => void } | undefined;
  readonly #pki: SimulatorPki;
  readonly #profile: SimProfile;
  readonly #now: () => number;
  readonly #frameIntervalMs: number;
  readonly #callbackPath: string;
  readonly #captureWaiters: ((transactionId: string) => void)[] = [];

  constructor(options: SimDeviceOptions) {
    this.definition = options.definition;
    this.#pki = options.pki;
    this.#profile = options.profile;
    this.#now = options.now ?? Date.now;
    this.#frameIntervalMs = options.frameIntervalMs ?? 33;
    this.#callbackPath = options.callbackPath ?? '/';
  }

  /** Back to the state after start: Ready, default score, no delay, no fault. */
  reset(): void {
    this.status = 'Ready';
    this.score = undefined;
    this.isScoreFromIso = false;
    this.delays.clear();
    this.fault = undefined;
  }

  /** Resolves with the transactionId of the next completed capture (tests await it, no sleeps). */
  async waitForCapture(): Promise<string> {
    return new Promise((resolve) => this.#captureWaiters.push(resolve));
  }

  get #effectiveStatus(): SimStatus {
    return this.status === 'Ready' && (this.#isCapturing || this.#stream) ? 'Busy' : this.status;
  }

  #faultFor(method: string): SimFault | undefined {
    return this.fault && this.fault.methods.includes(method) ? this.fault.fault : undefined;
  }

  #signer(fault: SimFault | undefined): SigningIdentity {
    if (fault === 'expiredCert') return this.#pki.expired;
    if (fault === 'notYetValidCert') return this.#pki.notYetValid;
    if (fault === 'untrustedCert') return this.#pki.untrusted;
    return this.#pki.device(this.definition.kind);
  }

  /** Signs as this device; `fault` is the one active for the current request's method. */
  #sign(payloadText: string, fault: SimFault | undefined, isDigitalId = false): string {
    const jws = signCompactJws(payloadText, this.#signer(fault));
    if ((fault === 'badSignature' && !isDigitalId) || (fault === 'digitalIdBadSignature' && isDigitalId)) return tamperSignature(jws);
    return jws;
  }

  #digitalIdPayload(serialNo = this.definition.serialNo, offsetDateTime = false): string {
    const d = this.definition;
    const dateTime = offsetDateTime ? sbiTimestamp(this.#now()).replace(/Z$/, '+00:00') : sbiTimestamp(this.#now());
    return JSON.stringify({
      serialNo, make: d.make, model: d.model, type: d.type, deviceSubType: d.deviceSubType,
      deviceProvider: 'RegClient Simulator', deviceProviderId: 'REGCLIENT.SIM.SBI', dateTime,
    });
  }

  #isRegistered(): boolean {
    return this.status !== 'Not Registered';
  }

  #callbackId(): string {
    return `http://127.0.0.1:${this.port}${this.#callbackPath}`;
  }

  /** capture and stream live under the callbackId's path only; discovery and info stay at the root */
  #route(method: string, path: string): string {
    const isCallback = method === 'RCAPTURE' || method === 'STREAM';
    return isCallback && path.startsWith(this.#callbackPath) ? `${method} /${path.slice(this.#callbackPath.length)}` : isCallback ? `${method} (outside callbackId)` : `${method} ${path}`;
  }

  /** Entry point for one parsed request. */
  async handle(request: SbiHttpRequest, socket: Socket): Promise<SbiHttpResponse | 'handled'> {
    const fault = this.#faultFor(request.method);
    if (fault && TRANSPORT_FAULTS.includes(fault)) return transportFault(fault, socket);
    const delay = this.delays.get(request.method) ?? 0;
    if (delay > 0 && request.method !== 'RCAPTURE') await sleep(delay);
    const route = this.#route(request.method, request.path);
    switch (route) {
      case 'MOSIPDISC /device':
        return this.#json(this.#discover(request.body));
      case 'MOSIPDINFO /info':
        return this.#json([this.#deviceInfo(fault)]);
      case 'RCAPTURE /capture':
        return this.#json(await this.#capture(request.body, fault));
      case 'STREAM /stream':
        return this.#streamOrError(request.body, socket);
      default:
        if (request.method === 'OPTIONS') return { status: 200, headers: corsHeaders() };
        return { status: 405, reason: 'OK', headers: this.#jsonHeaders(), body: JSON.stringify(error('500')) };
    }
  }

  #jsonHeaders(): Record<string, string> {
    return { ...corsHeaders(), 'CACHE-CONTROL': 'no-cache', 'Content-Type': 'application/json', LOCATION: this.#callbackId() };
  }

  #json(value: unknown): SbiHttpResponse {
    // MockMDS writes an extra CRLFCRLF after the body (§1.3)
    return { status: 200, headers: this.#jsonHeaders(), body: JSON.stringify(value), trailer: this.#profile === 'mockmds' ? '\r\n\r\n' : '' };
  }

  #discover(body: Buffer): unknown {
    const type = parseJson(body)?.type;
    if (!['Biometric Device', 'Finger', 'Face', 'Iris'].includes(String(type))) return [{ error: error('502') }];
    if (type !== 'Biometric Device' && type !== this.definition.type) return [{ error: error('503') }];
    const d = this.definition;
    const isRegistered = this.#isRegistered();
    return [{
      deviceId: isRegistered ? d.deviceId : '',
      deviceStatus: this.#effectiveStatus,
      certification: 'L0',
      serviceVersion: '0.9.5',
      deviceSubId: [...d.deviceSubIds],
      callbackId: this.#callbackId(),
      digitalId: base64url(this.#digitalIdPayload()),
      deviceCode: isRegistered ? d.deviceCode : '',
      specVersion: ['0.9.5'],
      purpose: isRegistered ? 'Registration' : '',
      error: this.#statusError(),
    }];
  }

  #statusError(): { errorCode: string; errorInfo: string } {
    const status = this.#effectiveStatus;
    if (status === 'Busy') return error('111');
    if (status === 'Not Ready') return error('110');
    if (status === 'Not Registered') return error('100');
    return SUCCESS;
  }

  #deviceInfo(fault: SimFault | undefined): unknown {
    const d = this.definition;
    const isRegistered = this.#isRegistered();
    const digitalIdPayload = this.#digitalIdPayload();
    const payload = JSON.stringify({
      deviceStatus: this.#effectiveStatus,
      deviceId: isRegistered ? d.deviceId : '',
      firmware: d.firmware,
      certification: 'L0',
      serviceVersion: '0.9.5',
      deviceSubId: [...d.deviceSubIds],
      callbackId: this.#callbackId(),
      digitalId: isRegistered ? this.#sign(digitalIdPayload, fault, true) : base64url(digitalIdPayload),
      deviceCode: isRegistered ? d.deviceCode : '',
      env: isRegistered ? 'Staging' : 'None',
      purpose: isRegistered ? 'Registration' : '',
      specVersion: ['0.9.5'],
    });
    return { deviceInfo: isRegistered ? this.#sign(payload, fault) : base64url(payload), error: this.#statusError() };
  }

  #captureError(code: string, specVersion = '0.9.5'): unknown {
    return { biometrics: [{ specVersion, data: '', hash: '', error: error(code) }] };
  }

  /** RCAPTURE with MockMDS's validation order (§6.4) and the spec's "best frame until timeout" (§5). */
  async #capture(body: Buffer, fault: SimFault | undefined): Promise<unknown> {
    const request = parseJson(body);
    const bio = Array.isArray(request?.bio) ? (request.bio[0] as Record<string, unknown> | undefined) : undefined;
    const strings = ['env', 'purpose', 'specVersion', 'timeout', 'captureTime', 'transactionId'];
    const bioStrings = ['type', 'count', 'requestedScore', 'deviceId', 'deviceSubId', 'previousHash'];
    if (!request || !bio || strings.some((k) => typeof request[k] !== 'string') || bioStrings.some((k) => typeof bio[k] !== 'string')) {
      return this.#captureError('123');
    }
    const specVersion = String(request.specVersion);
    const fail = (code: string) => this.#captureError(code, specVersion);
    if (!ENVS.includes(String(request.env))) return fail('115');
    if (request.purpose !== 'Registration') return fail('121');
    if (bio.deviceId === '') return fail('704');
    if (!['Finger', 'Iris', 'Face'].includes(String(bio.type))) return fail('114');
    if (bio.deviceId !== this.definition.deviceId || !this.#isRegistered()) return fail('705');
    if (bio.type !== this.definition.type) return fail('120');
    const subId = String(bio.deviceSubId);
    if (this.#stream && this.#stream.subId !== subId) return fail('702');
    if (this.status === 'Not Ready') return fail('110');
    if (!/^[A-Za-z0-9-]{4,50}$/.test(String(request.transactionId))) return fail('112');
    const names = validSubTypeNames(this.definition.type);
    const exceptions = Array.isArray(bio.exception) ? bio.exception.map(String) : [];
    const requested = Array.isArray(bio.bioSubType) ? bio.bioSubType.map(String) : [];
    if (exceptions.some((e) => !names.includes(e)) || requested.some((s) => s !== 'UNKNOWN' && !names.includes(s))) return fail('122');
    const all = SUBTYPES_BY_SUB_ID[this.definition.type]?.[subId];
    const count = Number(bio.count);
    if (!all || !countIsValid(this.definition.type, subId, count, exceptions.length, all.length)) return fail('109');
    if (this.#isCapturing) return fail('703');
    this.#isCapturing = true;
    try {
      return await this.#runCapture({ request, bio, subId, all, exceptions, requested, fault });
    } finally {
      this.#isCapturing = false;
      this.#stream?.stop();
    }
  }

  async #runCapture(c: CaptureCall): Promise<unknown> {
    const { request, bio, all, exceptions, requested } = c;
    const specVersion = String(request.specVersion);
    const timeoutMs = Number(request.timeout);
    const requestedScore = Number(bio.requestedScore);
    const delay = this.delays.get('RCAPTURE') ?? 0;
    if (delay > 0) {
      await sleep(Math.min(delay, timeoutMs));
      if (delay > timeoutMs) return this.#captureError('701', specVersion);
    }
    const isFace = this.definition.type === 'Face';
    let subTypes: (string | undefined)[] = isFace ? [undefined] : all.filter((s) => !exceptions.includes(s));
    const named = requested.filter((s) => s !== 'UNKNOWN');
    if (!isFace && named.length > 0) subTypes = subTypes.filter((s) => s !== undefined && named.includes(s));
    if (subTypes.length === 0) return this.#captureError('708', specVersion);
    // MockMDS's default score is 44 (mosip.mock.sbi.quality.score, sbi-protocol.md §6.1)
    const score = this.score ?? (this.#profile === 'mockmds' ? 44 : this.definition.defaultScore);
    // §5: a compliant device keeps trying until timeout when the score is not reached, then returns the best frame
    if (this.#profile === 'spec' && score < requestedScore && timeoutMs > 0) await sleep(timeoutMs);
    await loadJpeg2000();
    const elements = this.#elements(c, subTypes, exceptions.length > 0 && isFace, score);
    for (const waiter of this.#captureWaiters.splice(0)) waiter(String(request.transactionId));
    return { biometrics: elements };
  }

  #elements(c: CaptureCall, subTypes: (string | undefined)[], isExceptionPhoto: boolean, score: number): unknown[] {
    const { request, bio, fault } = c;
    if (fault === 'wrongBioSubType' && subTypes[0] !== undefined) subTypes = [wrongSubTypeFor(this.definition.type, subTypes), ...subTypes.slice(1)];
    if (fault === 'duplicateBioSubType' && subTypes.length > 1) subTypes = [subTypes[0], subTypes[0], ...subTypes.slice(2)];
    if (fault === 'wrongElementCount') subTypes = subTypes.length > 1 ? subTypes.slice(1) : [...subTypes, ...subTypes];
    let previousHash = String(bio.previousHash);
    const out: unknown[] = [];
    for (const subType of subTypes) {
      const at = this.#now() - (fault === 'staleTimestamp' ? 3_600_000 : 0);
      const format = fault === 'pngImage' ? 'legacy' : fault === 'mislabelledImage' ? 'mislabelled' : 'jpeg2000';
      const iso = buildIsoRecord(this.definition.type, subType, isExceptionPhoto, this.profileId, score, new Date(at), format);
      const quality = this.isScoreFromIso ? isoQualityScore(iso) : score;
      const bioValue = fault === 'paddedBase64' ? iso.toString('base64') : base64url(iso);
      const isMock = this.#profile === 'mockmds';
      const payload: Record<string, unknown> = {
        digitalId: this.#sign(this.#digitalIdPayload(fault === 'digitalIdMismatch' ? 'OTHERSERIAL00001' : undefined, fault === 'timestampFormat'), fault, true),
        deviceCode: this.definition.deviceCode,
        deviceServiceVersion: '0.9.5',
        bioType: this.definition.type,
        bioSubType: subType,
        purpose: request.purpose,
        env: request.env,
        bioValue,
        transactionId: fault === 'wrongTransactionId' ? `${String(request.transactionId).slice(0, 40)}-X` : request.transactionId,
        // DeviceValidator parses yyyy-MM-dd'T'HH:mm:ss'Z' only: a fraction fails there, not in Date.parse
        timestamp: fault === 'timestampFormat' ? new Date(at).toISOString() : sbiTimestamp(at),
        requestedScore: isMock ? Number(bio.requestedScore).toFixed(1) : String(bio.requestedScore),
        qualityScore: fault === 'nonNumericQuality' ? 'good' : isMock ? quality.toFixed(1) : String(quality),
      };
      if (subType === undefined) delete payload.bioSubType; // MockMDS writes no null fields (§2.5)
      const hash = chainHash(fault === 'brokenHashChain' ? '' : previousHash, iso);
      out.push({
        specVersion: fault === 'wrongSpecVersion' ? '0.9.2' : String(request.specVersion),
        data: this.#sign(JSON.stringify(payload), fault),
        hash: fault === 'brokenHashChain' ? chainHash(hash, iso) : hash,
        error: SUCCESS,
      });
      previousHash = hash;
    }
    return out;
  }

  async #streamOrError(body: Buffer, socket: Socket): Promise<SbiHttpResponse | 'handled'> {
    const request = parseJson(body);
    const bare = (code: string): SbiHttpResponse => ({ status: 200, headers: this.#jsonHeaders(), body: JSON.stringify(error(code)) });
    if (!request || request.deviceId !== this.definition.deviceId || !this.#isRegistered()) return bare('605');
    if (this.status === 'Not Ready') return bare('607');
    if (this.#effectiveStatus === 'Busy') return bare('111');
    const subId = String(request.deviceSubId ?? '');
    const timeoutMs = request.timeout === undefined ? 300_000 : Number(request.timeout);
    await this.#runStream(socket, subId, timeoutMs);
    return 'handled';
  }

  /** MockMDS framing (§4): HTTP/1.0 head, `--BoundaryString` parts with Content-Length, then a status response. */
  async #runStream(socket: Socket, subId: string, timeoutMs: number): Promise<void> {
    socket.write(
      'HTTP/1.0 200 OK\r\nConnection: close\r\nMax-Age: 0\r\nExpires: 0\r\nCache-Control: no-cache, private\r\nPragma: no-cache\r\n' +
        'Access-Control-Allow-Origin:*\r\nContent-Type: multipart/x-mixed-replace; boundary=--BoundaryString\r\n\r\n',
    );
    let isStopped = false;
    let endCode = '0';
    let wake: () => void = () => {};
    const stop = () => {
      isStopped = true;
      wake();
    };
    this.#stream = { subId, stop };
    socket.once('close', stop);
    const deadline = Date.now() + timeoutMs;
    const frame = previewFrame(this.definition.kind, this.profileId);
    try {
      while (!isStopped && !socket.destroyed) {
        if (Date.now() >= deadline) {
          endCode = '609';
          break;
        }
        socket.write(Buffer.concat([
          Buffer.from(`--BoundaryString\r\nAccess-Control-Allow-Origin:*\r\nContent-Type:image/jpeg\r\nContent-Length:${frame.length}\r\n\r\n`, 'latin1'),
          frame,
          Buffer.from('\r\n\r\n', 'latin1'),
        ]));
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, this.#frameIntervalMs + (this.delays.get('STREAM') ?? 0));
        });
      }
      if (!socket.destroyed) {
        const status = JSON.stringify(endCode === '0' ? SUCCESS : error(endCode));
        socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${status.length}\r\n\r\n${status}`);
      }
    } finally {
      this.#stream = undefined;
    }
  }
}

/** A subtype this capture must not contain: another slap's finger, or UNKNOWN for iris. */
function wrongSubTypeFor(type: string, subTypes: readonly (string | undefined)[]): string {
  if (type === 'Iris') return 'UNKNOWN';
  return subTypes.includes('Right Thumb') ? 'Left IndexFinger' : 'Right Thumb';
}

/** One validated RCAPTURE on its way to the capture loop. */
interface CaptureCall {
  readonly request: Record<string, unknown>;
  readonly bio: Record<string, unknown>;
  readonly subId: string;
  readonly all: readonly string[];
  readonly exceptions: readonly string[];
  readonly requested: readonly string[];
  /** the fault active for RCAPTURE, if any */
  readonly fault: SimFault | undefined;
}

function countIsValid(type: string, subId: string, count: number, exceptionCount: number, total: number): boolean {
  if (!Number.isInteger(count) || count < 0) return false;
  if (type === 'Face') return count === 1;
  if (type === 'Iris' && subId !== '3') return count === 1 && exceptionCount === 0;
  return count + exceptionCount === total;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
