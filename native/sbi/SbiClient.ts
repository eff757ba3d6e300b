import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../schemas/errors';
import { DiscoverResponse, SBI_SPEC_VERSION, type BioSubType, type CaptureOutcome, type CaptureRequest, type CaptureResult, type DiscoveryResult, type Modality, type SbiDevice, type StreamFrame } from '../../schemas/sbi';
import { discoverDevices } from './discovery';
import { MjpegFrameTooLarge, MjpegParser } from './MjpegParser';
import { MODALITIES } from './modalities';
import { captureWithQualityPolicy, DEFAULT_QUALITY_POLICY, thresholdFor, validateQualityPolicy, type QualityPolicyConfig } from './qualityPolicy';
import { resolveSbiClientOptions, type ResolvedSbiClientOptions, type SbiClientOptions } from './SbiClientOptions';
import { openSbiRequest, SBI_MAX_CAPTURE_BYTES, sbiCall } from './sbiTransport';
import { verifyCaptureResponse } from './verifyCapture';
import { parseJsonOrUndefined } from './verifyDeviceInfo';

/** One RCAPTURE as the caller asks for it. */
export interface CaptureOptions {
  readonly modality: Modality;
  /** missing fingers/irises (MDS names); for the exception photo, all missing attributes */
  readonly exceptions?: readonly BioSubType[];
  /** last hash of this registration's chain; "" for the first capture. Never null. */
  readonly previousHash?: string;
  /** quality target sent as `requestedScore` (default: the policy threshold) */
  readonly requestedScore?: number;
  readonly transactionId?: string;
  /** the device to use; default the first Ready device of the modality from the last discovery */
  readonly device?: SbiDevice;
  readonly signal?: AbortSignal;
}

/**
 * The SBI / MDS 0.9.5 client of the registration client (main process only, §1.4): discovery,
 * device-info checks, RCAPTURE with every response check, quality policy and MJPEG preview.
 */
export class SbiClient {
  readonly options: ResolvedSbiClientOptions;
  readonly #policy: QualityPolicyConfig;
  #devices: readonly SbiDevice[] = [];
  /** devices this client is previewing: Busy is expected there, RCAPTURE reuses the stream (§4) */
  readonly #streaming = new Set<string>();

  constructor(options: SbiClientOptions, policy: QualityPolicyConfig = DEFAULT_QUALITY_POLICY) {
    this.options = resolveSbiClientOptions(options);
    this.#policy = validateQualityPolicy(policy);
  }

  /** Devices found by the last discovery. */
  get devices(): readonly SbiDevice[] {
    return this.#devices;
  }

  /** Scans the port range and verifies every device (re-run on demand and on USB hot-plug). */
  async discover(signal?: AbortSignal): Promise<DiscoveryResult> {
    const result = await discoverDevices(this.options, signal);
    this.#devices = result.devices;
    return result;
  }

  /**
   * The device that captures a modality: the given one, else the first matching device of the
   * last discovery (discovering once when none is known).
   * @throws AppError ERR_SBI_NO_DEVICE, ERR_SBI_DEVICE_BUSY, ERR_SBI_DEVICE_NOT_READY, ERR_SBI_DEVICE_NOT_REGISTERED
   */
  async deviceFor(modality: Modality, signal?: AbortSignal): Promise<SbiDevice> {
    const spec = MODALITIES[modality];
    const matches = (d: SbiDevice) => d.digitalId.type === spec.bioType && d.deviceSubIds.includes(spec.deviceSubId);
    if (!this.#devices.some(matches)) await this.discover(signal);
    const candidates = this.#devices.filter(matches);
    const device = candidates.find((d) => d.state === 'ready') ?? candidates[0];
    if (!device) throw new AppError('ERR_SBI_NO_DEVICE', { modality });
    const details = { port: device.port, deviceId: device.deviceId };
    if (device.state === 'busy') throw new AppError('ERR_SBI_DEVICE_BUSY', details);
    if (device.state === 'notReady') throw new AppError('ERR_SBI_DEVICE_NOT_READY', details);
    if (device.state === 'notRegistered') throw new AppError('ERR_SBI_DEVICE_NOT_REGISTERED', details);
    return device;
  }

  /** Builds the RCAPTURE request of §2.3: one `bio` element, numeric fields as strings, previousHash never null. */
  buildCaptureRequest(device: SbiDevice, options: CaptureOptions): CaptureRequest {
    const spec = MODALITIES[options.modality];
    const exceptions = [...(options.exceptions ?? [])];
    const isExceptionPhoto = options.modality === 'exception-photo';
    const count = spec.bioType === 'Face' ? 1 : spec.subTypes.filter((s) => !exceptions.includes(s)).length;
    if (count === 0) throw new AppError('ERR_SBI_NOTHING_TO_CAPTURE', { modality: options.modality });
    const specVersion = device.specVersions.includes(SBI_SPEC_VERSION) ? SBI_SPEC_VERSION : (device.specVersions[0] ?? SBI_SPEC_VERSION);
    return {
      env: this.options.env,
      purpose: 'Registration',
      specVersion,
      timeout: String(this.options.captureTimeoutMs),
      captureTime: new Date(this.options.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      transactionId: options.transactionId ?? randomUUID(),
      bio: [{
        type: spec.bioType,
        count: String(count),
        bioSubType: [],
        exception: spec.bioType === 'Face' && !isExceptionPhoto ? [] : exceptions,
        requestedScore: String(Math.round(options.requestedScore ?? thresholdFor(options.modality, this.#policy))),
        deviceId: device.deviceId,
        deviceSubId: spec.deviceSubId,
        previousHash: options.previousHash ?? '',
      }],
      customOpts: null,
    };
  }

  /**
   * One RCAPTURE, every response check applied. The result keeps the signed text byte-for-byte.
   * @throws AppError any ERR_SBI_* code of verifyCaptureResponse and of the transport
   */
  async capture(options: CaptureOptions): Promise<CaptureResult> {
    try {
      return await this.#captureOnce(options);
    } catch (err) {
      // a vendor SBI restarted on another port: re-scan once and retry (§1.5 step 6)
      if (options.device || !isAppError(err) || !err.is('ERR_SBI_UNREACHABLE')) throw err;
      await this.discover(options.signal);
      return this.#captureOnce(options);
    }
  }

  async #captureOnce(options: CaptureOptions): Promise<CaptureResult> {
    const device = options.device ?? (await this.deviceFor(options.modality, options.signal));
    const request = this.buildCaptureRequest(device, options);
    if (this.options.shouldCheckStatusBeforeCapture) await this.checkStatus(device, options.signal);
    const answer = await sbiCall({
      port: device.port,
      method: 'RCAPTURE',
      path: `${new URL(device.baseUrl).pathname}capture`,
      body: JSON.stringify(request),
      timeoutMs: this.options.captureTimeoutMs + this.options.captureSlackMs,
      signal: options.signal,
      maxBytes: SBI_MAX_CAPTURE_BYTES,
    });
    return verifyCaptureResponse(answer.body.toString('utf8'), {
      device,
      modality: options.modality,
      request,
      exceptions: options.exceptions ?? [],
      trust: this.options.trust,
      now: this.options.now(),
      clockSkewMs: this.options.clockSkewMs,
      timestampWindowMs: this.options.timestampWindowMs,
      hashChainPolicy: this.options.hashChainPolicy,
      digitalIdDomain: this.options.digitalIdDomain,
    });
  }

  /**
   * Asks the device for its current status (unsigned MOSIPDISC, cheap) and refuses anything but Ready.
   * @throws AppError ERR_SBI_DEVICE_BUSY, ERR_SBI_DEVICE_NOT_READY, ERR_SBI_DEVICE_NOT_REGISTERED,
   *   ERR_SBI_MALFORMED_RESPONSE and the transport codes
   */
  async checkStatus(device: SbiDevice, signal?: AbortSignal): Promise<void> {
    const answer = await sbiCall({ port: device.port, method: 'MOSIPDISC', path: '/device', body: JSON.stringify({ type: device.digitalId.type }), timeoutMs: this.options.infoTimeoutMs, signal });
    const parsed = DiscoverResponse.safeParse(parseJsonOrUndefined(answer.body.toString('utf8')));
    if (!parsed.success) throw new AppError('ERR_SBI_MALFORMED_RESPONSE', { port: device.port, method: 'MOSIPDISC', issue: 'not a JSON array of devices' });
    const details = { port: device.port, deviceId: device.deviceId };
    const entry = parsed.data.find((d) => d.deviceId === device.deviceId);
    if (!entry) throw new AppError('ERR_SBI_DEVICE_NOT_REGISTERED', details);
    if (entry.deviceStatus === 'Busy' && this.#streaming.has(streamKey(device))) return;
    if (entry.deviceStatus === 'Busy') throw new AppError('ERR_SBI_DEVICE_BUSY', details);
    if (entry.deviceStatus === 'Not Ready') throw new AppError('ERR_SBI_DEVICE_NOT_READY', details);
    if (entry.deviceStatus !== 'Ready') throw new AppError('ERR_SBI_DEVICE_NOT_REGISTERED', details);
  }

  /** Captures with thresholds, attempts, best-attempt and force-capture (incumbent §2.5). */
  async captureWithPolicy(options: CaptureOptions): Promise<CaptureOutcome> {
    return captureWithQualityPolicy(options.modality, this.#policy, async () => this.capture(options));
  }

  /**
   * Live MJPEG preview frames until the device ends the stream, `maxFrames` is reached or the
   * signal aborts. Closing the iterator closes the connection.
   * @throws AppError ERR_SBI_STREAM_FAILED, ERR_SBI_DEVICE_ERROR and the transport codes
   */
  async *stream(options: { readonly modality: Modality; readonly device?: SbiDevice; readonly maxFrames?: number; readonly timeoutMs?: number; readonly signal?: AbortSignal }): AsyncGenerator<StreamFrame> {
    const device = options.device ?? (await this.deviceFor(options.modality, options.signal));
    const spec = MODALITIES[options.modality];
    const body = JSON.stringify({ deviceId: device.deviceId, deviceSubId: spec.deviceSubId, timeout: String(options.timeoutMs ?? 60_000) });
    const { response, abort } = await openSbiRequest({ port: device.port, method: 'STREAM', path: `${new URL(device.baseUrl).pathname}stream`, body, timeoutMs: this.options.infoTimeoutMs, signal: options.signal });
    const key = streamKey(device);
    this.#streaming.add(key);
    try {
      if (String(response.headers['content-type'] ?? '').includes('application/json')) {
        // an SBI error object is a few hundred bytes; what follows the first 64 KiB is not read
        const chunks: Buffer[] = [];
        let received = 0;
        for await (const chunk of response) {
          chunks.push(chunk as Buffer);
          if ((received += (chunk as Buffer).length) > STREAM_ERROR_MAX_BYTES) break;
        }
        const text = Buffer.concat(chunks).subarray(0, STREAM_ERROR_MAX_BYTES).toString('utf8');
        const match = /"errorCode"\s*:\s*"(\d+)"/.exec(text);
        throw new AppError('ERR_SBI_DEVICE_ERROR', { port: device.port, errorCode: match?.[1] ?? '999', errorInfo: 'stream refused' });
      }
      const parser = new MjpegParser();
      let delivered = 0;
      for await (const chunk of response) {
        let frames: StreamFrame[];
        try {
          frames = parser.push(chunk as Buffer);
        } catch (err) {
          if (err instanceof MjpegFrameTooLarge) throw new AppError('ERR_SBI_STREAM_FRAME_TOO_LARGE', { port: device.port, limitBytes: err.limitBytes });
          throw err;
        }
        for (const frame of frames) {
          yield frame;
          if (++delivered >= (options.maxFrames ?? Number.POSITIVE_INFINITY)) return;
        }
      }
    } catch (err) {
      if (isAppError(err)) throw err;
      if (options.signal?.aborted) return; // cancellation is not a failure
      throw new AppError('ERR_SBI_STREAM_FAILED', { port: device.port, issue: err instanceof Error ? err.message : String(err) }, { cause: err });
    } finally {
      this.#streaming.delete(key);
      abort();
    }
  }
}

const STREAM_ERROR_MAX_BYTES = 64 * 1024;

function streamKey(device: SbiDevice): string {
  return `${device.port}/${device.deviceId}`;
}
