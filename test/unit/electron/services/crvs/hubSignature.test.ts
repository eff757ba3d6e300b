import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { hubSignatureProblem } from '../../../../../electron/services/crvs/hubSignature';

const SECRET = Buffer.from('websub-secret-0123456789abcdef');
const BODY = Buffer.from('{"event":{"id":"1"}}');
const sign = (algorithm: string, secret = SECRET, body = BODY) => `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;

/** `x-hub-signature: <method>=<hex>` (W3C WebSub §8), as MOSIP's hub signs each delivery. */
describe('hubSignatureProblem', () => {
  it('accepts the HMAC of the body under the secret, in the digests a hub may use', () => {
    for (const algorithm of ['sha256', 'sha1', 'sha512']) assert.equal(hubSignatureProblem(sign(algorithm), BODY, SECRET), undefined, algorithm);
  });

  it('refuses a missing, repeated, malformed or wrong signature, saying which', () => {
    assert.equal(hubSignatureProblem(undefined, BODY, SECRET), 'missing header');
    assert.equal(hubSignatureProblem([sign('sha256'), sign('sha256')], BODY, SECRET), 'more than one header');
    for (const bad of ['sha256', 'md5=abcd', 'sha256=zz', sign('sha256').toUpperCase()]) assert.equal(hubSignatureProblem(bad, BODY, SECRET), 'not <method>=<hex>', bad);
    assert.equal(hubSignatureProblem(sign('sha256', Buffer.from('another secret')), BODY, SECRET), 'does not match');
    assert.equal(hubSignatureProblem(sign('sha256'), Buffer.from(`${BODY.toString()} `), SECRET), 'does not match', 'a body changed by one byte');
    assert.equal(hubSignatureProblem('sha256=abcd', BODY, SECRET), 'does not match', 'a short digest');
  });
});
