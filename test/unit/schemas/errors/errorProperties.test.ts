import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES, errorSpec } from '../../../../schemas/errors';

/** The codes each property marks, as the loose sets had them before they moved into the catalogue (issue 15). */
const STOPS_OUTBOX_RUN = ['ERR_SYNC_AUTH_EXPIRED', 'ERR_SYNC_CLOCK_SKEW', 'ERR_SYNC_DECRYPT_FAILED', 'ERR_SYNC_LOGIN_FAILED', 'ERR_SYNC_MACHINE_NOT_REGISTERED', 'ERR_SYNC_NOT_CONFIGURED', 'ERR_SYNC_SERVER_URL_INSECURE', 'ERR_SYNC_SIGNATURE_INVALID'];
const OFFLINE = ['ERR_SYNC_AUTH_EXPIRED', 'ERR_SYNC_NOT_CONFIGURED', 'ERR_SYNC_RATE_LIMITED', 'ERR_SYNC_SERVER_ERROR', 'ERR_SYNC_TIMEOUT', 'ERR_SYNC_UNREACHABLE'];

describe('error catalogue properties', () => {
  it('marks exactly the outbox run stoppers', () => {
    assert.deepEqual(ERROR_CODES.filter((code) => errorSpec(code).stopsOutboxRun === true).sort(), STOPS_OUTBOX_RUN);
  });

  it('marks exactly the offline failures', () => {
    assert.deepEqual(ERROR_CODES.filter((code) => errorSpec(code).offline === true).sort(), OFFLINE);
  });

  it('gives an operator action to device errors only', () => {
    const others = ERROR_CODES.filter((code) => errorSpec(code).operatorAction !== undefined && !code.startsWith('ERR_SBI_'));
    assert.deepEqual(others, []);
  });
});
