import assert from 'node:assert/strict';
import { constants, createDecipheriv, createHash, generateKeyPairSync, privateDecrypt, randomBytes } from 'node:crypto';
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

  it('draws a whole fresh AES key and GCM nonce for every envelope, and seals with them', () => {
    // The oracle is the server's own unwrap (RSA-OAEP SHA-256) done here with node:crypto, not
    // the module's helpers, so a key fixed to a constant or a zero nonce cannot hide behind them.
    const seal = () => {
      const out = encryptEnvelope({ publicKey, thumbprint }, Buffer.from('same'));
      const key = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, out.subarray(76, 332));
      return { out, key, nonce: out.subarray(0, 12), aad: out.subarray(12, 44) };
    };
    const runs = [seal(), seal(), seal()];
    const distinct = (pick: (r: (typeof runs)[number]) => Buffer) => new Set(runs.map((r) => pick(r).toString('hex'))).size;
    assert.equal(distinct((r) => r.key), runs.length, 'session keys repeat');
    assert.equal(distinct((r) => r.nonce), runs.length, 'GCM nonces repeat');
    assert.equal(distinct((r) => r.aad), runs.length, 'aad repeats');
    for (const r of runs) {
      assert.equal(r.key.length, 32);
      assert.notDeepEqual(r.nonce, Buffer.alloc(12), 'all-zero nonce');
      assert.notDeepEqual(r.key, Buffer.alloc(32), 'all-zero key');
      // the unwrapped key and the stored nonce are the ones the ciphertext was sealed with
      const d = createDecipheriv('aes-256-gcm', r.key, r.nonce, { authTagLength: 16 });
      d.setAAD(r.aad);
      d.setAuthTag(r.out.subarray(r.out.length - 16));
      assert.equal(Buffer.concat([d.update(r.out.subarray(346, r.out.length - 16)), d.final()]).toString(), 'same');
    }
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
