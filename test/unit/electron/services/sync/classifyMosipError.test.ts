import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorFromHttpStatus, errorFromMosipErrors, errorFromNetwork, parseRetryAfter } from '../../../../../electron/services/sync/classifyMosipError';
import { MOSIP_ERROR } from '../../../../../schemas/mosipErrorCodes';

const now = Date.UTC(2026, 10, 22, 9, 0, 0);
const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('classifyMosipError', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter(new Date(now + 30_000).toUTCString(), now), 30);
    assert.equal(parseRetryAfter(undefined, now), 1);
    assert.equal(parseRetryAfter('soon', now), 1);
    // a date already past (a slow proxy, a clock ahead): retry now, never a negative wait
    assert.equal(parseRetryAfter(new Date(now - 30_000).toUTCString(), now), 0);
  });

  it('classifies HTTP statuses into retry, reauth and park', () => {
    const e = (status: number, body = Buffer.alloc(0), headers = {}) => errorFromHttpStatus('/p', status, headers, body, now);
    assert.deepEqual([e(503).code, e(503).retry], ['ERR_SYNC_SERVER_ERROR', 'retry']);
    // every 5xx, the plain 500 of a crashed service included, is the server's trouble: retry
    for (const status of [500, 502, 599]) assert.deepEqual([e(status).code, e(status).retry, e(status).details], ['ERR_SYNC_SERVER_ERROR', 'retry', { endpoint: '/p', status }], String(status));
    assert.deepEqual([e(499).code, e(499).retry], ['ERR_SYNC_REJECTED', 'park'], 'a 4xx is not');
    assert.deepEqual([e(401).code, e(401).retry], ['ERR_SYNC_AUTH_EXPIRED', 'reauth']);
    assert.deepEqual(e(429, Buffer.alloc(0), { 'retry-after': '9' }).details, { endpoint: '/p', retryAfterSeconds: 9 });
    const parked = e(400, json({ errors: [{ errorCode: 'KER-X', message: 'bad' }] }));
    assert.deepEqual([parked.code, parked.retry, parked.details], ['ERR_SYNC_REJECTED', 'park', { endpoint: '/p', status: 400, errorCode: 'KER-X', message: 'bad' }]);
    assert.deepEqual(e(404, Buffer.from('<html>')).details, { endpoint: '/p', status: 404, errorCode: 'HTTP_404', message: '' });
  });

  it('classifies business errors in 200 bodies, including clock skew', () => {
    assert.equal(errorFromMosipErrors('/p', 200, [{ errorCode: 'KER-ATH-401', message: '' }], now, undefined).code, 'ERR_SYNC_AUTH_EXPIRED');
    const skew = errorFromMosipErrors('/p', 200, [{ errorCode: 'RPR-RGS-028', message: '' }], now, new Date(now - 90 * 60_000).toISOString());
    assert.deepEqual([skew.code, skew.details], ['ERR_SYNC_CLOCK_SKEW', { endpoint: '/p', skewMinutes: 90 }]);
    assert.equal(errorFromMosipErrors('/p', 200, [{ errorCode: 'RPR-PKR-005', message: 'dup' }], now, undefined).code, 'ERR_SYNC_REJECTED');
  });

  // MOSIP LTS 1.2 has no clock-skew code: syncdata useridpwd folds a refused timestamp into
  // KER-SYN-AUTH-001 (SyncAuthTokenServiceImpl.getAuthToken) and syncV2 into RPR-RGS-028
  // (SyncRegistrationServiceImpl.decryptAndGetSyncRequest). Skew is told apart by the server's clock.
  it('calls a time-sensitive MOSIP refusal clock skew only when the server clock is off by more than 5 minutes', () => {
    const at = (code: string, offsetMinutes: number) => errorFromMosipErrors('/p', 200, [{ errorCode: code, message: 'Invalid Request' }], now, new Date(now - offsetMinutes * 60_000).toISOString());
    assert.deepEqual([at('KER-SYN-AUTH-001', -6).code, at('KER-SYN-AUTH-001', -6).details], ['ERR_SYNC_CLOCK_SKEW', { endpoint: '/p', skewMinutes: -6 }], 'our clock 6 minutes behind');
    const near = at('KER-SYN-AUTH-001', 4);
    assert.ok(near.is('ERR_SYNC_REJECTED'));
    assert.equal(near.details.errorCode, 'KER-SYN-AUTH-001');
    assert.equal(at('RPR-RGS-028', 5).code, 'ERR_SYNC_REJECTED');
    assert.equal(at('RPR-RGS-028', 5.1).code, 'ERR_SYNC_CLOCK_SKEW');
    assert.equal(at('RPR-PKR-009', 90).code, 'ERR_SYNC_REJECTED', 'a hash mismatch is never clock skew');
    assert.equal(errorFromMosipErrors('/p', 200, [{ errorCode: 'KER-SYN-AUTH-001', message: '' }], now, undefined).code, 'ERR_SYNC_REJECTED', 'no server time, no skew');
  });

  it('knows the MOSIP LTS 1.2 codes the client acts on', () => {
    // each value is checked against MOSIP's source: see schemas/mosipErrorCodes.ts for repo, file and constant
    assert.deepEqual({ ...MOSIP_ERROR }, {
      AUTH_FAILED: 'KER-ATH-401',
      MACHINE_NOT_FOUND: 'KER-SNC-155',
      PUBLIC_KEY_NOT_WHITELISTED: 'KER-SNC-164',
      SYNC_AUTH_INVALID_REQUEST: 'KER-SYN-AUTH-001',
      REG_CENTER_UPDATED: 'KER-SNC-149',
      DUPLICATE_PACKET: 'RPR-PKR-005',
      PACKET_NOT_SYNCED: 'RPR-PKR-001',
      PACKET_HASH_MISMATCH: 'RPR-PKR-009',
      PACKET_SIZE_MISMATCH: 'RPR-PKR-013',
      SYNC_DECRYPT_FAILED: 'RPR-RGS-028',
    });
  });

  it('treats connection errors as unreachable and rethrows anything else as a bug', () => {
    const refused = errorFromNetwork('/p', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    assert.deepEqual([refused.code, refused.details], ['ERR_SYNC_UNREACHABLE', { endpoint: '/p', reason: 'ECONNREFUSED' }]);
    assert.throws(() => errorFromNetwork('/p', new TypeError('x is not a function')), TypeError);
  });
});
