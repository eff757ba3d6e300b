import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../../../schemas/errors';
import { syncErrorDisposition } from '../../../../../electron/services/sync/syncErrorDisposition';

const opts = { baseMs: 1000, capMs: 60_000 };
const half = () => 0.5;

describe('syncErrorDisposition', () => {
  it('retries network and 5xx failures with jittered backoff', () => {
    assert.deepEqual(syncErrorDisposition(new AppError('ERR_SYNC_UNREACHABLE', { endpoint: '/x', reason: 'ECONNRESET' }), 2, half, opts), { action: 'retry', delayMs: 2000, code: 'ERR_SYNC_UNREACHABLE' });
    assert.deepEqual(syncErrorDisposition(new AppError('ERR_SYNC_SERVER_ERROR', { endpoint: '/x', status: 503 }), 0, half, opts), { action: 'retry', delayMs: 500, code: 'ERR_SYNC_SERVER_ERROR' });
  });

  it('waits at least Retry-After on a 429', () => {
    assert.deepEqual(syncErrorDisposition(new AppError('ERR_SYNC_RATE_LIMITED', { endpoint: '/x', retryAfterSeconds: 30 }), 0, half, opts), { action: 'retry', delayMs: 30_000, code: 'ERR_SYNC_RATE_LIMITED' });
  });

  it('re-authenticates on an expired token and parks business errors with their details', () => {
    assert.deepEqual(syncErrorDisposition(new AppError('ERR_SYNC_AUTH_EXPIRED', { endpoint: '/x', errorCode: 'KER-ATH-401' }), 0, half, opts), { action: 'reauth', code: 'ERR_SYNC_AUTH_EXPIRED' });
    const details = { endpoint: '/p', status: 200, errorCode: 'RPR-PKR-009', message: 'hash' };
    assert.deepEqual(syncErrorDisposition(new AppError('ERR_SYNC_REJECTED', details), 0, half, opts), { action: 'park', code: 'ERR_SYNC_REJECTED', details });
    assert.equal(syncErrorDisposition(new AppError('ERR_SYNC_CLOCK_SKEW', { endpoint: '/p', skewMinutes: 61 }), 0, half, opts).action, 'park');
  });

  it('treats an abort as cancellation and rethrows bugs', () => {
    assert.deepEqual(syncErrorDisposition(new DOMException('aborted', 'AbortError'), 0, half, opts), { action: 'cancelled' });
    assert.throws(() => syncErrorDisposition(new TypeError('bug'), 0, half, opts), TypeError);
  });
});
