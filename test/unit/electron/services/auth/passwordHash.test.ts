import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from '../../../../../electron/services/auth/passwordHash';

describe('passwordHash', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('Officer#2026', { log2N: 10, r: 8, p: 1 });
    assert.equal(await verifyPassword('Officer#2026', stored), true);
    assert.equal(await verifyPassword('officer#2026', stored), false);
  });

  it('uses scrypt with a random salt, never the same hash twice', async () => {
    const a = await hashPassword('same', { log2N: 10, r: 8, p: 1 });
    const b = await hashPassword('same', { log2N: 10, r: 8, p: 1 });
    assert.match(a, /^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
    assert.notEqual(a, b);
  });

  it('defaults to a memory-hard cost of 2^15 × r=8 (32 MiB)', async () => {
    assert.match(await hashPassword('x'), /^scrypt\$15\$8\$1\$/);
  });

  it('stores the parameters scrypt really ran with (recomputed here with node:crypto)', async () => {
    const stored = await hashPassword('Officer#2026');
    const [, log2N, r, p, salt, hash] = stored.split('$');
    assert.deepEqual([log2N, r, p], ['15', '8', '1']);
    const N = 2 ** Number(log2N);
    const again = scryptSync('Officer#2026', Buffer.from(salt!, 'base64'), 32, { N, r: Number(r), p: Number(p), maxmem: 256 * N * Number(r) });
    assert.equal(again.toString('base64'), hash);
  });

  it('treats the composed and decomposed forms of a password as the same (NFC)', async () => {
    const stored = await hashPassword('Jos\u00e9#2026', { log2N: 10, r: 8, p: 1 });
    assert.equal(await verifyPassword('Jose\u0301#2026', stored), true);
  });

  it('never verifies a malformed or foreign hash', async () => {
    for (const stored of ['', 'sha256$abc', 'scrypt$15$8$1$salt', 'scrypt$99$8$1$c2FsdA==$aGFzaA==', '5E884898DA28047151D0E56F8DC6292773603D0D6AABBDD62A11EF721D1542D8']) {
      assert.equal(await verifyPassword('password', stored), false, stored);
    }
  });
});
