import assert from 'node:assert/strict';
import { constants, createCipheriv, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { isAppError } from '../../../../../schemas/errors';
import { decryptClientCrypto, decryptClientCryptoJson } from '../../../../../electron/services/sync/clientCrypto';
import { b64url, clientCryptoEncrypt } from '../../../../sims/mosip/simCrypto';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

function failsWithDecrypt(fn: () => unknown, what: string): void {
  assert.throws(fn, (err) => isAppError(err) && err.code === 'ERR_SYNC_DECRYPT_FAILED' && JSON.stringify(err.details) === JSON.stringify({ what }));
}

describe('decryptClientCrypto', () => {
  it('opens the 1.2 envelope the server encrypts to the machine key (URL-safe base64)', () => {
    const plain = Buffer.from(JSON.stringify({ token: 'abc', expiryTime: 1 }));
    const sealed = b64url(clientCryptoEncrypt(publicKey, plain));
    assert.deepEqual(decryptClientCryptoJson(privateKey, sealed, 'auth token'), { token: 'abc', expiryTime: 1 });
  });

  it('also accepts standard base64', () => {
    const sealed = clientCryptoEncrypt(publicKey, Buffer.from('"x"')).toString('base64');
    assert.equal(decryptClientCryptoJson(privateKey, sealed, 'x'), 'x');
  });

  it('falls back to the 1.1.4.4 layout (iv 16, aad 12)', () => {
    const key = randomBytes(32);
    const iv = randomBytes(16);
    const aad = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad);
    const ct = Buffer.concat([cipher.update('legacy'), cipher.final(), cipher.getAuthTag()]);
    const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key);
    assert.equal(decryptClientCrypto(privateKey, Buffer.concat([wrapped, iv, aad, ct]), 'legacy').toString(), 'legacy');
  });

  it('fails with ERR_SYNC_DECRYPT_FAILED for another machine key, a flipped byte, short data or non-JSON', () => {
    const sealed = clientCryptoEncrypt(publicKey, Buffer.from('{"a":1}'));
    failsWithDecrypt(() => decryptClientCrypto(other.privateKey, sealed, 'configs'), 'configs');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 20]! ^= 1;
    failsWithDecrypt(() => decryptClientCrypto(privateKey, tampered, 'configs'), 'configs');
    failsWithDecrypt(() => decryptClientCrypto(privateKey, sealed.subarray(0, 100), 'configs'), 'configs');
    failsWithDecrypt(() => decryptClientCryptoJson(privateKey, b64url(clientCryptoEncrypt(publicKey, Buffer.from('not json'))), 'users'), 'users');
  });
});
