import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkResponseSignature } from '../../../../../electron/services/sync/responseSignature';
import { detachedJws } from '../../../../sims/mosip/simCrypto';

const signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const body = Buffer.from('{"id":"x","response":{"a":1},"errors":null}');

describe('checkResponseSignature', () => {
  it('accepts a detached RS256 JWS over the exact body bytes', () => {
    assert.equal(checkResponseSignature(detachedJws(signer.privateKey, body), body, signer.publicKey), undefined);
  });

  it('accepts an attached payload only when it is the same body', () => {
    const [h, , s] = detachedJws(signer.privateKey, body).split('.');
    assert.equal(checkResponseSignature(`${h}.${body.toString('base64url')}.${s}`, body, signer.publicKey), undefined);
    assert.equal(checkResponseSignature(`${h}.${Buffer.from('{}').toString('base64url')}.${s}`, body, signer.publicKey), 'the signed payload is not this response body');
  });

  it('rejects a changed body, another key, a missing header and other algorithms', () => {
    const sig = detachedJws(signer.privateKey, body);
    const reordered = Buffer.from('{"response":{"a":1},"id":"x","errors":null}');
    assert.equal(checkResponseSignature(sig, reordered, signer.publicKey), 'the signature does not match the response body');
    assert.equal(checkResponseSignature(sig, body, stranger.publicKey), 'the signature does not match the response body');
    assert.equal(checkResponseSignature(undefined, body, signer.publicKey), 'the Response-Signature header is missing');
    assert.equal(checkResponseSignature('abc', body, signer.publicKey), 'the Response-Signature is not a compact JWS');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}..`;
    assert.equal(checkResponseSignature(none, body, signer.publicKey), 'unsupported signature algorithm none');
  });
});
