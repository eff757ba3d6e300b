import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Entry } from '@napi-rs/keyring';
import { secretServiceOnBus } from './secretServiceBus';
import { openWithKey, sealWithKey, type SecretWrapper } from './SecretWrapper';

let entryClass: typeof Entry | undefined;

/**
 * A keyring entry, the native module loaded at the first one: a data dir wrapped by a key file or
 * a secret never loads it (it probes the C library and loads a native addon: ~7 ms a CLI command).
 * From this module under tsx (ESM), from the bundle's own file in the built app and CLI (CommonJS).
 */
function newEntry(service: string, account: string): Entry {
  if (entryClass === undefined) {
    const from = typeof __filename === 'string' ? __filename : import.meta.url;
    entryClass = (createRequire(from)('@napi-rs/keyring') as { Entry: typeof Entry }).Entry;
  }
  return new entryClass(service, account);
}

/** The service name under which every data dir's key-encryption key is kept in the OS keyring. */
export const KEYRING_SERVICE = 'org.regclient.desktop';

/** Why the OS keyring could not give a data dir's key. */
export class KeyringError extends Error {
  override readonly name = 'KeyringError';
  constructor(
    message: string,
    /** `unavailable`: no keyring answers (no session, locked, refused); `missing`: it answers but holds no such entry */
    readonly reason: 'unavailable' | 'missing' | 'corrupt',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The keyring account of one data dir: a random reference, so that entries of different folders never mix. */
export function keyringAccount(ref: string): string {
  return `data-dir-key:${ref}`;
}

/** A fresh reference for a new data dir's keyring entry. */
export function newKeyringRef(): string {
  return randomBytes(16).toString('hex');
}

/**
 * True when the OS keyring takes, returns and deletes an entry now. getPassword answers null both
 * for "no entry" and for "no keyring", so availability is proven by a round trip.
 */
export function keyringWorks(): boolean {
  if (persistentStoreMissing() !== undefined) return false;
  const probe = newEntry(KEYRING_SERVICE, `probe:${newKeyringRef()}`);
  try {
    const value = newKeyringRef();
    probe.setPassword(value);
    const ok = probe.getPassword() === value;
    probe.deletePassword();
    return ok;
  } catch {
    // a refused write can leave the library's kernel-keyring cache entry behind
    try {
      probe.deletePassword();
    } catch {
      // nothing was stored
    }
    return false;
  }
}

/**
 * Wraps with a random 32-byte key held in the OS keyring (Secret Service on Linux, Keychain on
 * macOS, Credential Manager on Windows) under `ref`: the data dir holds only the reference, so a
 * copy of the folder decrypts nothing without this user's unlocked keyring.
 * `create` stores a new key; otherwise the entry must exist.
 * @throws KeyringError `unavailable`, `missing` or `corrupt`
 */
export function createKeyringWrapper(ref: string, options: Readonly<{ create: boolean }>): SecretWrapper {
  const entry = newEntry(KEYRING_SERVICE, keyringAccount(ref));
  const kek = options.create ? storeNewKey(entry, ref) : readKey(entry, ref);
  return { kind: 'keyring', ref, wrap: (plain) => sealWithKey(kek, plain), unwrap: (wrapped) => openWithKey(kek, wrapped) };
}

/** Why a key stored now would not outlive this login (Linux without a Secret Service), or undefined. */
function persistentStoreMissing(): string | undefined {
  if (process.platform !== 'linux' && process.platform !== 'freebsd') return undefined;
  return secretServiceOnBus() ? undefined : 'no Secret Service (org.freedesktop.secrets) on the session D-Bus: log in to a desktop session, or unlock its keyring';
}

function storeNewKey(entry: Entry, ref: string): Buffer {
  const missing = persistentStoreMissing();
  if (missing !== undefined) throw new KeyringError(missing, 'unavailable');
  const kek = randomBytes(32);
  try {
    entry.setPassword(kek.toString('base64'));
    if (entry.getPassword() !== kek.toString('base64')) throw new Error('the keyring did not return the key it was given');
  } catch (cause) {
    throw new KeyringError(`the OS keyring did not store the key for entry ${ref}: ${(cause as Error).message}`, 'unavailable', { cause });
  }
  return kek;
}

function readKey(entry: Entry, ref: string): Buffer {
  let stored: string | null;
  try {
    stored = entry.getPassword();
  } catch (cause) {
    throw new KeyringError(`the OS keyring cannot be read: ${(cause as Error).message}`, 'unavailable', { cause });
  }
  if (stored === null) {
    // null is also what a keyring that is not there answers: tell the two apart by a round trip
    if (!keyringWorks()) throw new KeyringError('no OS keyring answers in this session (no desktop session, or the keyring is locked)', 'unavailable');
    throw new KeyringError(`this user's OS keyring holds no entry ${KEYRING_SERVICE} / ${keyringAccount(ref)}`, 'missing');
  }
  const kek = Buffer.from(stored, 'base64');
  if (kek.length !== 32) throw new KeyringError(`the OS keyring entry ${keyringAccount(ref)} does not hold a 32-byte key`, 'corrupt');
  return kek;
}
