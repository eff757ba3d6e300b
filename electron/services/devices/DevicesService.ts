import type { AppError } from '../../../schemas/errors';
import type { BioSubType, CaptureResult, DiscoveryResult, Modality } from '../../../schemas/sbi';
import { SbiClient } from '../../../native/sbi/SbiClient';
import type { SbiClientOptions } from '../../../native/sbi/SbiClientOptions';
import type { Clock } from '../../../native/time/Clock';
import { startHotPlugRediscovery, type UsbEventSource, type UsbWatcher } from '../../../native/usb/UsbWatcher';
import { createLogger, toLogFormat } from '../log/createLogger';
import type { TrustAnchorService } from './TrustAnchorService';

export { TRUST_DIR } from './TrustAnchorService';

const log = createLogger('devices');

export interface DevicesServiceDeps {
  /** the trust anchors: server CA certificates and `<dataDir>/trust/*.pem`, read at each discovery */
  readonly anchors: TrustAnchorService;
  /** ports, timeouts, hash-chain policy (or a getter, read before each discovery); trust is built here */
  readonly sbi?: Omit<SbiClientOptions, 'trust'> | (() => Omit<SbiClientOptions, 'trust'>);
  /** the app's clock: certificate validity and device timestamps are judged on it, like everything else */
  readonly clock: Clock;
  readonly onDidChangeDevices: (result: DiscoveryResult) => void;
  readonly onWarning: (warning: AppError) => void;
  readonly loadUsb?: () => Promise<UsbEventSource>;
}

/**
 * The app's biometric devices: an SBI client whose trust anchors are the CA certificates synced
 * from the server (DEVICE and FTM domains) plus the data dir's `trust/*.pem`, rebuilt before every
 * discovery so a sync or a new anchor takes effect without a restart; one live preview per screen;
 * re-discovery on USB hot-plug.
 */
export class DevicesService {
  readonly #deps: DevicesServiceDeps;
  #client: SbiClient;
  #last: DiscoveryResult | undefined;
  readonly #previews = new Map<string, AbortController>();
  #usb: UsbWatcher | undefined;

  constructor(deps: DevicesServiceDeps) {
    this.#deps = deps;
    this.#client = this.#newClient();
  }

  /** The trust anchors, which a supervisor manages in settings. */
  get anchors(): TrustAnchorService {
    return this.#deps.anchors;
  }

  get lastDiscovery(): DiscoveryResult | undefined {
    return this.#last;
  }

  /** `signal`: the caller left (a cancelled call); the scan stops and rejects */
  async discover(signal?: AbortSignal): Promise<DiscoveryResult> {
    this.#client = this.#newClient();
    this.#last = await this.#client.discover(signal);
    return this.#last;
  }

  /**
   * One RCAPTURE with every response check; discovers first when nothing was discovered yet.
   * @throws AppError ERR_SBI_* (each device fault has its own code)
   */
  async capture(options: { modality: Modality; exceptions: readonly BioSubType[]; previousHash: string; requestedScore?: number; signal?: AbortSignal }): Promise<CaptureResult> {
    if (!this.#last) await this.discover(options.signal);
    return this.#client.capture({
      modality: options.modality,
      exceptions: options.exceptions,
      previousHash: options.previousHash,
      ...(options.requestedScore === undefined ? {} : { requestedScore: options.requestedScore }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /** Starts the live preview for one screen; a second start for the same screen replaces the first. */
  async startPreview(screenId: string, modality: Modality, onFrame: (frame: { index: number; jpeg: Uint8Array }) => void, onEnd: (err: unknown) => void): Promise<void> {
    this.stopPreview(screenId);
    if (!this.#last) await this.discover();
    const controller = new AbortController();
    this.#previews.set(screenId, controller);
    const pump = async () => {
      try {
        for await (const frame of this.#client.stream({ modality, signal: controller.signal })) onFrame(frame);
        onEnd(undefined);
      } catch (err) {
        onEnd(err);
      } finally {
        if (this.#previews.get(screenId) === controller) this.#previews.delete(screenId);
      }
    };
    void pump();
  }

  stopPreview(screenId: string): void {
    this.#previews.get(screenId)?.abort();
    this.#previews.delete(screenId);
  }

  /** Re-discovers after every debounced USB attach/detach burst; no USB access is only a warning. */
  async startHotPlug(): Promise<void> {
    this.#usb = await startHotPlugRediscovery(
      { discover: async () => this.#deps.onDidChangeDevices(await this.discover()) },
      {
        onWarning: (warning) => this.#deps.onWarning(warning),
        onError: (err) => log.warn('re-discovery after hot-plug failed', { error: toLogFormat(err) }),
        ...(this.#deps.loadUsb ? { load: this.#deps.loadUsb } : {}),
      },
    );
  }

  async dispose(): Promise<void> {
    for (const id of [...this.#previews.keys()]) this.stopPreview(id);
    await this.#usb?.dispose();
  }

  #newClient(): SbiClient {
    const sbi = typeof this.#deps.sbi === 'function' ? this.#deps.sbi() : this.#deps.sbi;
    const clock = this.#deps.clock;
    return new SbiClient({ now: () => clock.now(), ...sbi, trust: this.#deps.anchors.trustStore() });
  }
}
