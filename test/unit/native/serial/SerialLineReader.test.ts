import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { MockBinding, MockPortBinding, useMockSerialPort, type MockPort } from '../../../helpers/serialMock';
import type { GpsFix } from '../../../../native/serial/nmea';
import { openGpsReader } from '../../../../native/serial/GpsReader';
import { openSerialLineReader, type SerialLineReader } from '../../../../native/serial/SerialLineReader';
import { isAppError } from '../../../../schemas/errors';

/**
 * @serialport/binding-mock ships types its package.json `exports` hides from Bundler resolution,
 * so it is loaded with require and typed here with the parts the tests use.
 */

describe('openSerialLineReader', () => {
  let reader: SerialLineReader | undefined;

  useMockSerialPort('/dev/ttyMOCK0');
  afterEach(async () => {
    await reader?.dispose();
    reader = undefined;
  });

  it('delivers scanner lines (pre-registration id, UIN card QR) as they arrive', async () => {
    const lines: string[] = [];
    let deliver: () => void = () => undefined;
    const twoLines = new Promise<void>((resolve) => (deliver = resolve));
    reader = await openSerialLineReader({
      path: '/dev/ttyMOCK0',
      binding: MockBinding,
      onLine: (line) => {
        lines.push(line);
        if (lines.length === 2) deliver();
      },
      onError: () => assert.fail('no error expected'),
    });
    const port = mockPortOf(reader);
    port.emitData('10002100741000120210317\r');
    port.emitData('{"uin":"4810372934"}\r\n');
    await twoLines;
    assert.deepEqual(lines, ['10002100741000120210317', '{"uin":"4810372934"}']);
  });

  it('refuses an unconfigured port with ERR_SBI_SERIAL_NOT_CONFIGURED', async () => {
    await assert.rejects(openSerialLineReader({ path: undefined, binding: MockBinding, onLine: () => assert.fail('no line expected'), onError: () => assert.fail('no error expected') }), (err: unknown) => isAppError(err) && err.code === 'ERR_SBI_SERIAL_NOT_CONFIGURED');
  });

  it('reports a missing port as ERR_SBI_SERIAL_OPEN_FAILED', async () => {
    await assert.rejects(openSerialLineReader({ path: '/dev/ttyNOPE', binding: MockBinding, onLine: () => assert.fail('no line expected'), onError: () => assert.fail('no error expected') }), (err: unknown) => isAppError(err) && err.code === 'ERR_SBI_SERIAL_OPEN_FAILED');
  });

  it('delivers valid GPS fixes from NMEA sentences and skips the rest', async () => {
    const fixes: GpsFix[] = [];
    let deliver: () => void = () => undefined;
    const twoFixes = new Promise<void>((resolve) => (deliver = resolve));
    reader = await openGpsReader({
      path: '/dev/ttyMOCK0',
      binding: MockBinding,
      onDidFix: (fix) => {
        fixes.push(fix);
        if (fixes.length === 2) deliver();
      },
      onError: () => assert.fail('no error expected'),
    });
    const port = mockPortOf(reader);
    port.emitData('$GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00*74\r\n');
    port.emitData('$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n');
    port.emitData('$GPRMC,123519,V,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*7D\r\n');
    port.emitData('$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n');
    await twoFixes;
    assert.deepEqual(fixes.map((f) => f.kind), ['GGA', 'RMC']);
  });
});

/** The MockPortBinding behind an open reader. */
function mockPortOf(reader: SerialLineReader): MockPort {
  const port: unknown = reader.stream.port;
  assert.ok(port instanceof MockPortBinding, 'the reader runs on the mock binding');
  return port;
}
