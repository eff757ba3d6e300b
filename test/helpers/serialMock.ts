import { createRequire } from 'node:module';
import { beforeEach } from 'node:test';
import type { SerialBinding } from '../../native/serial/SerialLineReader';

/** A mock port as the tests drive it: data "arrives" from the device. */
export interface MockPort {
  emitData(data: string): void;
}

/**
 * @serialport/binding-mock ships types its package.json `exports` hides from Bundler resolution,
 * so it is loaded with require and typed here with the parts the tests use.
 */
const mock = createRequire(import.meta.url)('@serialport/binding-mock') as {
  MockBinding: SerialBinding & { reset(): void; createPort(path: string, options?: { echo?: boolean; record?: boolean }): void };
  MockPortBinding: abstract new (...args: never[]) => MockPort;
};
export const { MockBinding, MockPortBinding } = mock;

/** Before each test: a clean mock binding holding one port at `path` (no echo, no recording). Call it inside `describe`. */
export function useMockSerialPort(path: string): void {
  beforeEach(() => {
    MockBinding.reset();
    MockBinding.createPort(path, { echo: false, record: false });
  });
}
