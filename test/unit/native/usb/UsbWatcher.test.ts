import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Clock, Disposable } from '../../../../native/time/Clock';
import { startHotPlugRediscovery, UsbWatcher, type UsbChange, type UsbDeviceLike, type UsbEventSource } from '../../../../native/usb/UsbWatcher';
import type { AppError } from '../../../../schemas/errors';

/** A manual clock: timers fire only when the test advances time. */
function manualClock(): Clock & { advance(ms: number): void; pending(): number } {
  let now = 0;
  const timers = new Set<{ at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms): Disposable {
      const timer = { at: now + ms, callback };
      timers.add(timer);
      return { dispose: () => timers.delete(timer) };
    },
    advance(ms) {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at <= now) {
          timers.delete(timer);
          timer.callback();
        }
      }
    },
    pending: () => timers.size,
  };
}

/** A fake hot-plug source that the test plugs devices into. */
function fakeUsb(): UsbEventSource & { plug(device: UsbDeviceLike): void; unplug(device: UsbDeviceLike): void; isStarted(): boolean } {
  let handlers: { attach: (d: UsbDeviceLike) => void; detach: (h: string) => void } | undefined;
  return {
    start: async (attach, detach) => void (handlers = { attach, detach }),
    stop: async () => void (handlers = undefined),
    plug: (device) => handlers?.attach(device),
    unplug: (device) => handlers?.detach(device.handle),
    isStarted: () => handlers !== undefined,
  };
}

const SCANNER = { handle: '1-2', vendorId: 0x1234, productId: 0x0001 };
const HUB = { handle: '1-1', vendorId: 0x05e3, productId: 0x0610 };

describe('UsbWatcher', () => {
  it('reports a burst of attach events once, after the debounce time', async () => {
    const clock = manualClock();
    const usb = fakeUsb();
    const changes: UsbChange[] = [];
    const watcher = await UsbWatcher.start({ load: async () => usb, clock, debounceMs: 500, onDidChange: (c) => changes.push(c), onWarning: () => assert.fail('no warning expected') });
    usb.plug(HUB);
    clock.advance(300);
    usb.plug(SCANNER);
    clock.advance(499);
    assert.deepEqual(changes, []);
    clock.advance(1);
    assert.deepEqual(changes, [{ attached: [HUB, SCANNER], detached: [] }]);
    await watcher.dispose();
  });

  it('reports attach and detach in separate bursts', async () => {
    const clock = manualClock();
    const usb = fakeUsb();
    const changes: UsbChange[] = [];
    const watcher = await UsbWatcher.start({ load: async () => usb, clock, debounceMs: 100, onDidChange: (c) => changes.push(c), onWarning: () => assert.fail('no warning expected') });
    usb.plug(SCANNER);
    clock.advance(100);
    usb.unplug(SCANNER);
    clock.advance(100);
    assert.deepEqual(changes, [{ attached: [SCANNER], detached: [] }, { attached: [], detached: [{ handle: SCANNER.handle }] }]);
    await watcher.dispose();
  });

  it('degrades to ERR_SBI_USB_UNAVAILABLE when USB cannot be opened, without throwing', async () => {
    const warnings: AppError<'ERR_SBI_USB_UNAVAILABLE'>[] = [];
    const denied = Object.assign(new Error('LIBUSB_ERROR_ACCESS'), { code: 'EACCES' });
    const denying = { start: async () => Promise.reject(denied), stop: async () => undefined };
    const watcher = await UsbWatcher.start({ load: async () => denying, onDidChange: () => assert.fail('no change expected'), onWarning: (w) => warnings.push(w) });
    assert.equal(watcher.isActive, false);
    assert.deepEqual(warnings.map((w) => [w.code, w.details, w.cause]), [['ERR_SBI_USB_UNAVAILABLE', { reason: 'LIBUSB_ERROR_ACCESS' }, denied]]);
    await watcher.dispose();
  });

  it('stops the source and its pending timer on dispose', async () => {
    const clock = manualClock();
    const usb = fakeUsb();
    const watcher = await UsbWatcher.start({ load: async () => usb, clock, onDidChange: () => assert.fail('no change expected'), onWarning: () => assert.fail('no warning expected') });
    usb.plug(SCANNER);
    await watcher.dispose();
    assert.deepEqual([usb.isStarted(), clock.pending(), watcher.isActive], [false, 0, false]);
  });

  it('re-runs discovery after a hot-plug burst', async () => {
    const clock = manualClock();
    const usb = fakeUsb();
    let discoveries = 0;
    let markRediscovered: () => void = () => undefined;
    const rediscovered = new Promise<void>((resolve) => (markRediscovered = resolve));
    const watcher = await startHotPlugRediscovery(
      { discover: async () => void discoveries++ },
      { load: async () => usb, clock, debounceMs: 10, onWarning: () => assert.fail('no warning expected'), onError: () => assert.fail('no error expected'), onDidRediscover: () => markRediscovered() },
    );
    usb.plug(SCANNER);
    usb.plug(HUB);
    clock.advance(10);
    await rediscovered;
    assert.equal(discoveries, 1);
    await watcher.dispose();
  });

  it('loads the real usb module or warns, never throws', async () => {
    const warnings: unknown[] = [];
    const watcher = await UsbWatcher.start({ onDidChange: () => undefined, onWarning: (w) => warnings.push(w) });
    assert.ok(watcher.isActive || warnings.length === 1);
    await watcher.dispose();
  });
});
