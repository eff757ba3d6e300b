import type { AppError } from '../../../../schemas/errors';
import { openSerialLineReader, type SerialBinding, type SerialLineReader } from '../../../../native/serial/SerialLineReader';

export interface ScannerServiceDeps {
  /** the settings' `scannerPort`, read at each (re)start */
  readonly port: () => string | null;
  /** a scanned line, trimmed and non-empty (pushed to the page as `scanner.onDidRead`) */
  readonly onRead: (text: string) => void;
  readonly onError: (err: AppError) => void;
  /** serialport binding; tests pass @serialport/binding-mock */
  readonly binding?: SerialBinding;
}

/**
 * The serial QR/barcode scanner of the centre (settings `scannerPort`): while a port is set, every
 * line it reads goes to the page, where the registration screen takes a PRID from it. A port
 * that cannot be opened is reported once and retried at the next settings change.
 */
export class ScannerService {
  readonly #d: ScannerServiceDeps;
  #reader: SerialLineReader | undefined;
  /** serialises start/stop, so a settings change during an open does not leak a port */
  #queue: Promise<void> = Promise.resolve();

  constructor(deps: ScannerServiceDeps) {
    this.#d = deps;
  }

  /** The reader of the port being read now, if any (tests reach binding-mock's port through its stream). */
  get reader(): SerialLineReader | undefined {
    return this.#reader;
  }

  /** (Re)opens the configured port; none configured = nothing read. */
  restart(): Promise<void> {
    return this.#serialised(async () => {
      await this.#close();
      const path = this.#d.port();
      if (!path) return;
      try {
        this.#reader = await openSerialLineReader({
          path,
          ...(this.#d.binding ? { binding: this.#d.binding } : {}),
          onLine: (line) => {
            const text = line.trim();
            if (text !== '') this.#d.onRead(text);
          },
          onError: (err) => {
            this.#d.onError(err);
            void this.#close();
          },
        });
      } catch (err) {
        this.#d.onError(err as AppError);
      }
    });
  }

  dispose(): Promise<void> {
    return this.#serialised(() => this.#close());
  }

  async #serialised(step: () => Promise<void>): Promise<void> {
    const previous = this.#queue;
    const run = async () => {
      await previous;
      await step();
    };
    this.#queue = run();
    return this.#queue;
  }

  async #close(): Promise<void> {
    const reader = this.#reader;
    this.#reader = undefined;
    await reader?.dispose();
  }
}
