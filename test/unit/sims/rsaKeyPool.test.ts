import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { RSA_KEY_POOL_ENV, rsaTestKey, rsaTestKeySync } from '../../sims/rsaKeyPool';
import { makeTempDir } from '../../helpers/tempDir';

const spki = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('hex');

describe('rsaKeyPool', () => {
  let pool: ReturnType<typeof makeTempDir>;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    pool = makeTempDir('rsa-pool-test-');
    env = { [RSA_KEY_POOL_ENV]: pool.path };
  });
  afterEach(() => pool.remove());

  it('gives every call in a process its own RSA-2048 key, kept in the pool under its role and number', async () => {
    const keys = [await rsaTestKey('unit-a', env), rsaTestKeySync('unit-a', env), rsaTestKeySync('unit-b', env)];
    assert.equal(new Set(keys.map(spki)).size, 3);
    for (const key of keys) assert.equal(key.asymmetricKeyDetails?.modulusLength, 2048);
    assert.deepEqual(readdirSync(pool.path).sort(), ['unit-a-0.pem', 'unit-a-1.pem', 'unit-b-0.pem']);
    assert.equal(spki(keys[1]!), spki(createPrivateKey(readFileSync(join(pool.path, 'unit-a-1.pem')))));
  });

  it('takes a key already in the pool instead of generating one, and replaces an entry that is not a key', async () => {
    const first = rsaTestKeySync('unit-c', env);
    const kept = readFileSync(join(pool.path, 'unit-c-0.pem'));
    // what a later run's first key of the same role finds: the kept one
    writeFileSync(join(pool.path, 'unit-d-0.pem'), kept);
    assert.equal(spki(await rsaTestKey('unit-d', env)), spki(first));
    writeFileSync(join(pool.path, 'unit-d-1.pem'), 'not a key');
    const replaced = rsaTestKeySync('unit-d', env);
    assert.equal(replaced.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(spki(createPrivateKey(readFileSync(join(pool.path, 'unit-d-1.pem')))), spki(replaced));
  });

  it('generates a fresh key and writes nothing when no pool is set, and refuses a role that is not a file name word', async () => {
    const a = await rsaTestKey('unit-e', {});
    const b = rsaTestKeySync('unit-e', {});
    assert.notEqual(spki(a), spki(b));
    assert.equal(existsSync(join(pool.path, 'unit-e-0.pem')), false);
    assert.throws(() => rsaTestKeySync('../escape', env), /role must be lower-case words/);
  });
});
