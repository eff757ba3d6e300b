import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { decryptEnvelope, encryptEnvelope, ENVELOPE_OVERHEAD, KEY_SPLITTER, parseEnvelope } from '../../../../../electron/services/packets/mosipEnvelope';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const thumbprint = createHash('sha256').update('a certificate').digest();

describe('mosipEnvelope', () => {
  it('lays out nonce ‖ aad ‖ thumbprint ‖ wrapped key ‖ #KEY_SPLITTER# ‖ ciphertext ‖ tag', () => {
    const plain = randomBytes(1000);
    const out = encryptEnvelope({ publicKey, thumbprint }, plain);
    assert.equal(out.length, plain.length + ENVELOPE_OVERHEAD);
    assert.equal(ENVELOPE_OVERHEAD, 362);
    assert.deepEqual(out.subarray(44, 76), thumbprint);
    assert.deepEqual(out.subarray(332, 346), KEY_SPLITTER);
    const parts = parseEnvelope(out);
    assert.equal(parts.wrappedKey.length, 256);
    assert.deepEqual(decryptEnvelope(privateKey, out).plain, plain);
  });

  it('uses fresh nonce, aad and key each time', () => {
    const a = encryptEnvelope({ publicKey, thumbprint }, Buffer.from('same'));
    const b = encryptEnvelope({ publicKey, thumbprint }, Buffer.from('same'));
    assert.notDeepEqual(a.subarray(0, 44), b.subarray(0, 44));
  });

  it('rejects a flipped ciphertext byte (GCM tag)', () => {
    const out = encryptEnvelope({ publicKey, thumbprint }, randomBytes(100));
    out[400] = out[400]! ^ 1;
    assert.throws(() => decryptEnvelope(privateKey, out));
  });

  it('rejects a flipped aad byte', () => {
    const out = encryptEnvelope({ publicKey, thumbprint }, randomBytes(100));
    out[20] = out[20]! ^ 1;
    assert.throws(() => decryptEnvelope(privateKey, out));
  });

  it('rejects the wrong private key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    assert.throws(() => decryptEnvelope(other, encryptEnvelope({ publicKey, thumbprint }, randomBytes(10))));
  });

  it('rejects a truncated envelope and one without a splitter', () => {
    assert.throws(() => parseEnvelope(Buffer.alloc(100)), /shorter/);
    assert.throws(() => parseEnvelope(Buffer.alloc(400)), /KEY_SPLITTER/);
  });
});
