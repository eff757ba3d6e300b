import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { MockBinding, MockPortBinding, useMockSerialPort, type MockPort } from '../../../../../helpers/serialMock';
import type { AppError } from '../../../../../../schemas/errors';
import type { SerialLineReader } from '../../../../../../native/serial/SerialLineReader';
import { ScannerService } from '../../../../../../electron/services/registration/preRegistration/ScannerService';


function mockPortOf(reader: SerialLineReader | undefined): MockPort {
  const port: unknown = reader?.stream.port;
  assert.ok(port instanceof MockPortBinding, 'the scanner reads through the mock binding');
  return port;
}

describe('ScannerService', () => {
  let scanner: ScannerService | undefined;
  useMockSerialPort('/dev/ttyQR0');
  afterEach(async () => {
    await scanner?.dispose();
    scanner = undefined;
  });

  it('pushes each scanned line, trimmed, while a port is set, and closes it when the port is cleared', async () => {
    let port: string | null = '/dev/ttyQR0';
    const reads: string[] = [];
    let gotTwo: () => void = () => undefined;
    const two = new Promise<void>((resolve) => (gotTwo = resolve));
    scanner = new ScannerService({
      port: () => port,
      binding: MockBinding,
      onRead: (text) => {
        reads.push(text);
        if (reads.length === 2) gotTwo();
      },
      onError: (err) => assert.fail(`no error expected: ${err.code}`),
    });
    await scanner.restart();
    assert.equal(scanner.reader?.path, '/dev/ttyQR0');
    const device = mockPortOf(scanner.reader);
    device.emitData(' 37162804952017 \r\n\r\n');
    device.emitData('48210593716024\n');
    await two;
    assert.deepEqual(reads, ['37162804952017', '48210593716024']);
    port = null;
    await scanner.restart();
    assert.equal(scanner.reader, undefined);
  });

  it('reports a port that cannot be opened and reads nothing', async () => {
    const errors: AppError[] = [];
    scanner = new ScannerService({ port: () => '/dev/ttyNOPE', binding: MockBinding, onRead: () => assert.fail('no read expected'), onError: (err) => errors.push(err) });
    await scanner.restart();
    assert.deepEqual([errors.map((e) => e.code), scanner.reader], [['ERR_SBI_SERIAL_OPEN_FAILED'], undefined]);
  });

  it('reads nothing when no port is set', async () => {
    scanner = new ScannerService({ port: () => null, binding: MockBinding, onRead: () => assert.fail('no read expected'), onError: (err) => assert.fail(err.code) });
    await scanner.restart();
    assert.equal(scanner.reader, undefined);
  });
});
