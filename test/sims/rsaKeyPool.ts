import { createPrivateKey, generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The environment variable naming a folder of reusable RSA-2048 keys for simulators and test PKIs.
 * test/run.sh sets it; unset (a targeted run, the demo), every key is generated afresh.
 */
export const RSA_KEY_POOL_ENV = 'REGCLIENT_TEST_RSA_POOL';

const generateRsa = promisify(generateKeyPair);
/** how many keys of each role this process has taken */
const taken = new Map<string, number>();

/**
 * A throwaway RSA-2048 private key for `role` (a simulator's CA, a test PKI's REGISTRATION key…).
 * Generating one costs about 0.2 s of CPU and a device simulator alone makes seven, so with
 * REGCLIENT_TEST_RSA_POOL set the n-th key a process asks for under a role is the pool's n-th key of
 * that role, generated once and kept for later runs: within one process every key is still its
 * own, and keys of different roles never coincide, even across processes.
 */
export async function rsaTestKey(role: string, env: NodeJS.ProcessEnv = process.env): Promise<KeyObject> {
  const slot = poolSlot(role, env);
  if (!slot) return (await generateRsa('rsa', { modulusLength: 2048 })).privateKey;
  return readPooled(slot) ?? keep(slot, (await generateRsa('rsa', { modulusLength: 2048 })).privateKey);
}

/** rsaTestKey for synchronous callers (a test PKI made in a describe block). */
export function rsaTestKeySync(role: string, env: NodeJS.ProcessEnv = process.env): KeyObject {
  const slot = poolSlot(role, env);
  if (!slot) return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return readPooled(slot) ?? keep(slot, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

/** The pool file of this process's next key of `role`, or undefined when no pool is set. */
function poolSlot(role: string, env: NodeJS.ProcessEnv): string | undefined {
  const dir = env[RSA_KEY_POOL_ENV];
  if (!dir) return undefined;
  if (!/^[a-z0-9-]+$/.test(role)) throw new TypeError(`rsaTestKey: role must be lower-case words joined by '-', got '${role}'`);
  const index = taken.get(role) ?? 0;
  taken.set(role, index + 1);
  return join(dir, `${role}-${index}.pem`);
}

/** Adds a new key to the pool, under a temp name renamed into place: a process reading the pool never sees half a key. */
function keep(path: string, key: KeyObject): KeyObject {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, key.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  renameSync(temp, path);
  return key;
}

/** The pooled key at `path`, or undefined when there is none (or it is not an RSA-2048 key: it is replaced). */
function readPooled(path: string): KeyObject | undefined {
  let pem: Buffer;
  try {
    pem = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === 'rsa' && key.asymmetricKeyDetails?.modulusLength === 2048 ? key : undefined;
  } catch {
    return undefined;
  }
}
