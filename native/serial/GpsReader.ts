import type { AppError } from '../../schemas/errors';
import { parseNmeaSentence, type GpsFix } from './nmea';
import { openSerialLineReader, type SerialLineReader, type SerialLineReaderOptions } from './SerialLineReader';

/**
 * A GPS puck on a serial port: delivers each valid fix. Only valid positions are reported: GGA
 * with a fix, RMC with status `A`.
 * @throws AppError ERR_SBI_SERIAL_NOT_CONFIGURED, ERR_SBI_SERIAL_OPEN_FAILED
 */
export async function openGpsReader(
  options: Omit<SerialLineReaderOptions, 'onLine' | 'onError'> & { readonly onDidFix: (fix: GpsFix) => void; readonly onError: (err: AppError<'ERR_SBI_SERIAL_OPEN_FAILED'>) => void },
): Promise<SerialLineReader> {
  return openSerialLineReader({
    ...options,
    baudRate: options.baudRate ?? 4800, // NMEA 0183 default
    onLine: (line) => {
      const fix = parseNmeaSentence(line);
      if (fix && (fix.kind === 'GGA' || fix.isValid)) options.onDidFix(fix);
    },
  });
}
