import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorFromHttpStatus, errorFromMosipErrors, errorFromNetwork, parseRetryAfter } from '../../../../../electron/services/sync/classifyMosipError';

const now = Date.UTC(2026, 10, 22, 9, 0, 0);
const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('classifyMosipError', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter(new Date(now + 30_000).toUTCString(), now), 30);
    assert.equal(parseRetryAfter(undefined, now), 1);
    assert.equal(parseRetryAfter('soon', now), 1);
  });

  it('classifies HTTP statuses into retry, reauth and park', () => {
    const e = (status: number, body = Buffer.alloc(0), headers = {}) => errorFromHttpStatus('/p', status, headers, body, now);
    assert.deepEqual([e(503).code, e(503).retry], ['ERR_SYNC_SERVER_ERROR', 'retry']);
    assert.deepEqual([e(401).code, e(401).retry], ['ERR_SYNC_AUTH_EXPIRED', 'reauth']);
    assert.deepEqual(e(429, Buffer.alloc(0), { 'retry-after': '9' }).details, { endpoint: '/p', retryAfterSeconds: 9 });
    const parked = e(400, json({ errors: [{ errorCode: 'KER-X', message: 'bad' }] }));
    assert.deepEqual([parked.code, parked.retry, parked.details], ['ERR_SYNC_REJECTED', 'park', { endpoint: '/p', status: 400, errorCode: 'KER-X', message: 'bad' }]);
    assert.deepEqual(e(404, Buffer.from('<html>')).details, { endpoint: '/p', status: 404, errorCode: 'HTTP_404', message: '' });
  });

  it('classifies business errors in 200 bodies, including clock skew', () => {
    assert.equal(errorFromMosipErrors('/p', 200, [{ errorCode: 'KER-ATH-401', message: '' }], now, undefined).code, 'ERR_SYNC_AUTH_EXPIRED');
    const skew = errorFromMosipErrors('/p', 200, [{ errorCode: 'RPR-RGS-026', message: '' }], now, new Date(now - 90 * 60_000).toISOString());
    assert.deepEqual([skew.code, skew.details], ['ERR_SYNC_CLOCK_SKEW', { endpoint: '/p', skewMinutes: 90 }]);
    assert.equal(errorFromMosipErrors('/p', 200, [{ errorCode: 'RPR-PKR-005', message: 'dup' }], now, undefined).code, 'ERR_SYNC_REJECTED');
  });

  it('treats connection errors as unreachable and rethrows anything else as a bug', () => {
    const refused = errorFromNetwork('/p', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    assert.deepEqual([refused.code, refused.details], ['ERR_SYNC_UNREACHABLE', { endpoint: '/p', reason: 'ECONNREFUSED' }]);
    assert.throws(() => errorFromNetwork('/p', new TypeError('x is not a function')), TypeError);
  });
});
