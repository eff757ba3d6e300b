import { AppError } from '../../schemas/errors';
import { systemClock, type Clock, type Disposable } from '../time/Clock';

/** The part of a USB device the watcher reports (ids only: never personal data). */
export interface UsbDeviceLike {
  /** bus/address handle of the `usb` package; detach events carry only this */
  readonly handle: string;
  readonly vendorId?: number;
  readonly productId?: number;
}

/**
 * Hot-plug events as the watcher needs them. Injected so tests drive hot-plug without hardware;
 * `start` rejects when USB cannot be watched (no libusb/udev, no permission).
 */
export interface UsbEventSource {
  start(onAttach: (device: UsbDeviceLike) => void, onDetach: (handle: string) => void): Promise<void>;
  stop(): Promise<void>;
}

interface NativeUsb {
  nativeGetDevices(): Promise<unknown[]>;
  Emitter: new () => {
    addAttach(callback: (device: { handle: string; vendorId: number; productId: number }) => void): Promise<void>;
    addDetach(callback: (handle: string) => void): Promise<void>;
    removeAttach(): Promise<void>;
    removeDetach(): Promise<void>;
  };
}

/**
 * The real `usb` package (3.x). Its WebUSB wrapper (`usb.addEventListener`) rethrows native
 * failures from a timer, which would crash the app without permissions, so the native emitter
 * is used directly: every failure arrives as a rejected promise that the watcher turns into a
 * warning. A device list is read first, because a missing /sys/bus/usb or a denied permission
 * shows up there.
 */
export async function loadUsbModule(): Promise<UsbEventSource> {
  const native = (await import('usb/index.js')) as unknown as NativeUsb;
  const emitter = new native.Emitter();
  return {
    async start(onAttach, onDetach) {
      await native.nativeGetDevices();
      await emitter.addAttach((device) => onAttach({ handle: device.handle, vendorId: device.vendorId, productId: device.productId }));
      await emitter.addDetach(onDetach);
    },
    async stop() {
      await emitter.removeAttach();
      await emitter.removeDetach();
    },
  };
}

/** One debounced burst of hot-plug events. */
export interface UsbChange {
  readonly attached: readonly UsbDeviceLike[];
  readonly detached: readonly UsbDeviceLike[];
}

export interface UsbWatcherOptions {
  /** called once per burst, after `debounceMs` without further events */
  readonly onDidChange: (change: UsbChange) => void;
  /** called with ERR_SBI_USB_UNAVAILABLE when hot-plug cannot be watched; the app goes on without it */
  readonly onWarning: (warning: AppError<'ERR_SBI_USB_UNAVAILABLE'>) => void;
  readonly load?: () => Promise<UsbEventSource>;
  /** a plugged device enumerates as several events (hubs, composite devices): wait this long */
  readonly debounceMs?: number;
  readonly clock?: Clock;
}

/**
 * Watches USB attach/detach and reports debounced bursts, which trigger SBI re-discovery.
 * Failure to access USB (no libusb, no permission) degrades to a warning, never a crash.
 */
export class UsbWatcher {
  readonly #options: UsbWatcherOptions & { debounceMs: number; clock: Clock };
  #source: UsbEventSource | undefined;
  #pending: Disposable | undefined;
  #attached: UsbDeviceLike[] = [];
  #detached: UsbDeviceLike[] = [];
  #isDisposed = false;

  private constructor(options: UsbWatcherOptions) {
    const debounceMs = options.debounceMs ?? 750;
    if (!(debounceMs >= 0)) throw new TypeError(`UsbWatcher: debounceMs must be ≥ 0, got ${debounceMs}`);
    this.#options = { ...options, debounceMs, clock: options.clock ?? systemClock };
  }

  /** Starts watching; resolves even when USB is unavailable (then `isActive` is false). */
  static async start(options: UsbWatcherOptions): Promise<UsbWatcher> {
    const watcher = new UsbWatcher(options);
    try {
      const source = await (options.load ?? loadUsbModule)();
      await source.start(
        (device) => watcher.#record(watcher.#attached, device),
        (handle) => watcher.#record(watcher.#detached, { handle }),
      );
      watcher.#source = source;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      options.onWarning(new AppError('ERR_SBI_USB_UNAVAILABLE', { reason }, { cause: err }));
    }
    return watcher;
  }

  /** True while hot-plug events are being received. */
  get isActive(): boolean {
    return this.#source !== undefined && !this.#isDisposed;
  }

  #record(list: UsbDeviceLike[], device: UsbDeviceLike): void {
    if (this.#isDisposed) return;
    list.push(device);
    this.#pending?.dispose();
    this.#pending = this.#options.clock.setTimeout(() => this.#flush(), this.#options.debounceMs);
  }

  #flush(): void {
    this.#pending = undefined;
    const change = { attached: this.#attached, detached: this.#detached };
    this.#attached = [];
    this.#detached = [];
    this.#options.onDidChange(change);
  }

  /** Stops watching; resolves when the native listeners are removed. */
  async dispose(): Promise<void> {
    if (this.#isDisposed) return;
    this.#isDisposed = true;
    this.#pending?.dispose();
    try {
      await this.#source?.stop();
    } catch (err) {
      // stopping failed: the events are ignored anyway (#record checks isDisposed); tell the owner
      this.#options.onWarning(new AppError('ERR_SBI_USB_UNAVAILABLE', { reason: err instanceof Error ? err.message : String(err) }, { cause: err }));
    }
  }
}

/**
 * Re-runs SBI discovery after every debounced hot-plug burst (issue: "re-discovery on USB
 * hot-plug"). A discovery failure goes to `onError`; the watcher keeps running.
 */
export async function startHotPlugRediscovery(
  client: { discover(): Promise<unknown> },
  options: Omit<UsbWatcherOptions, 'onDidChange'> & { readonly onError: (err: unknown) => void; readonly onDidRediscover?: () => void },
): Promise<UsbWatcher> {
  return UsbWatcher.start({
    ...options,
    onDidChange: () => {
      const run = async () => {
        try {
          await client.discover();
          options.onDidRediscover?.();
        } catch (err) {
          options.onError(err);
        }
      };
      void run();
    },
  });
}
