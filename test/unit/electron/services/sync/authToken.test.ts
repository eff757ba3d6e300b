import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenBundle } from '../../../../../schemas/mosipSync';
import { tokenExpiries } from '../../../../../electron/services/sync/authToken';
import { effectiveMachineName } from '../../../../../electron/services/sync/machineName';

const NOW = Date.UTC(2026, 11, 2, 9, 0, 0);

describe('token lifetimes (seconds from the answer)', () => {
  it('adds expiryTime and refreshExpiryTime, in seconds, to the time of the answer', () => {
    assert.deepEqual(tokenExpiries({ expiryTime: 1800, refreshExpiryTime: 7200 }, NOW), { expiresAt: NOW + 1_800_000, refreshExpiresAt: NOW + 7_200_000 });
    assert.deepEqual(tokenExpiries({ expiryTime: 300 }, NOW), { expiresAt: NOW + 300_000 });
  });

  it('refuses an absolute time or a non-positive lifetime, naming the field and the rule', () => {
    const absolute = TokenBundle.safeParse({ token: 't', expiryTime: NOW + 1_800_000 });
    assert.equal(absolute.success, false);
    assert.deepEqual(absolute.error?.issues.map((i) => [i.path.join('.'), i.message]), [['expiryTime', 'a token lifetime is seconds from now (expires_in), not an absolute time']]);
    const zero = TokenBundle.safeParse({ token: 't', expiryTime: 1800, refreshExpiryTime: 0 });
    assert.deepEqual(zero.error?.issues.map((i) => [i.path.join('.'), i.message]), [['refreshExpiryTime', 'a token lifetime is a positive number of seconds']]);
    assert.equal(TokenBundle.safeParse({ token: 't', expiryTime: 366 * 86_400 }).success, true, 'a year is still a lifetime');
  });
});

describe('effectiveMachineName', () => {
  it('takes the configured name, else the host name lower-cased as MOSIP\'s Java client sends it', () => {
    assert.deepEqual(effectiveMachineName('stp-laptop-10002', 'IGNORED'), { name: 'stp-laptop-10002', source: 'settings' });
    assert.deepEqual(effectiveMachineName(null, 'STP-Laptop-7'), { name: 'stp-laptop-7', source: 'host name' });
  });
});
