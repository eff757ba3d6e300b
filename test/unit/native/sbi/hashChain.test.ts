import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCanonicalBase64url } from '../../../../native/sbi/base64url';
import { chainHash, EMPTY_CHAIN_HASH } from '../../../../native/sbi/hashChain';

// test vectors of sbi-protocol.md §2.6, computed independently with Python hashlib
const FIRST = 'D57ABCCEB23FB93A57E9897A443CB828C0EC73811A80AF28A9604BD7ECBE0BAC';
const SECOND = '96781621D5BD16208BC10C6B3679B90A14AD7EC6235CEF629BFD8D1026E09191';

describe('chainHash', () => {
  it('matches the reference vectors for "" and the empty-string hash in either case', () => {
    const iso = Buffer.from('ISO-A');
    assert.equal(chainHash('', iso), FIRST);
    assert.equal(chainHash(EMPTY_CHAIN_HASH, iso), FIRST);
    assert.equal(chainHash(EMPTY_CHAIN_HASH.toLowerCase(), iso), FIRST);
  });

  it('chains the next element from the previous hash', () => {
    assert.equal(chainHash(FIRST, Buffer.from('ISO-B')), SECOND);
  });

  it('returns undefined for a previousHash that is not 64 hex digits', () => {
    assert.equal(chainHash('null', Buffer.from('x')), undefined);
    assert.equal(chainHash('ABC', Buffer.from('x')), undefined);
  });
});

describe('decodeCanonicalBase64url', () => {
  it('decodes unpadded base64url', () => {
    assert.deepEqual(decodeCanonicalBase64url('SVNPLUE'), Buffer.from('ISO-A'));
  });

  it('rejects padding, the standard alphabet and non-canonical trailing bits', () => {
    assert.equal(decodeCanonicalBase64url('SVNPLUE='), undefined);
    assert.equal(decodeCanonicalBase64url('+/+/'), undefined);
    assert.equal(decodeCanonicalBase64url('SVNPLUF'), undefined);
  });
});
