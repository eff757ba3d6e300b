import { SerialPortStream } from '@serialport/stream';
import { AppError } from '../../schemas/errors';
import { LineSplitter } from './LineSplitter';

/** A serialport binding (native, or @serialport/binding-mock in tests). */
export type SerialBinding = ConstructorParameters<typeof SerialPortStream>[0]['binding'];

/** Where and how to read; the port is chosen in settings. */
export interface SerialLineReaderOptions {
  /** e.g. /dev/ttyACM0 or COM3; undefined when not configured */
  readonly path: string | undefined;
  readonly baudRate?: number;
  readonly maxLineLength?: number;
  /** serialport binding; default the native one. Tests pass @serialport/binding-mock. */
  readonly binding?: SerialBinding;
  readonly onLine: (line: string) => void;
  /** a read error after opening (device unplugged): the reader is closed */
  readonly onError: (err: AppError<'ERR_SBI_SERIAL_OPEN_FAILED'>) => void;
}

/** An open line reader; `dispose` closes the port. */
export interface SerialLineReader {
  readonly path: string;
  /** the open stream; tests reach @serialport/binding-mock's port through `stream.port` */
  readonly stream: SerialPortStream;
  dispose(): Promise<void>;
}

async function nativeBinding(): Promise<SerialBinding> {
  const mod = await import('@serialport/bindings-cpp');
  return mod.autoDetect();
}

/**
 * Opens a serial port and delivers its lines (barcode/QR scanners, NMEA GPS).
 * @throws AppError ERR_SBI_SERIAL_NOT_CONFIGURED, ERR_SBI_SERIAL_OPEN_FAILED
 */
export async function openSerialLineReader(options: SerialLineReaderOptions): Promise<SerialLineReader> {
  const path = options.path;
  if (!path) throw new AppError('ERR_SBI_SERIAL_NOT_CONFIGURED', {});
  const binding = options.binding ?? (await nativeBinding());
  const port = new SerialPortStream({ binding, path, baudRate: options.baudRate ?? 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((err) => (err ? reject(new AppError('ERR_SBI_SERIAL_OPEN_FAILED', { path, reason: err.message }, { cause: err })) : resolve()));
  });
  const splitter = new LineSplitter(options.maxLineLength);
  port.on('data', (chunk: Buffer) => {
    for (const line of splitter.push(chunk)) options.onLine(line);
  });
  port.on('error', (err: Error) => options.onError(new AppError('ERR_SBI_SERIAL_OPEN_FAILED', { path, reason: err.message }, { cause: err })));
  return {
    path,
    stream: port,
    async dispose() {
      if (!port.isOpen) return;
      await new Promise<void>((resolve) => port.close(() => resolve())); // a close error means it is already closed
    },
  };
}
