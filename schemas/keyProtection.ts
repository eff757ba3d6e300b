import { z } from 'zod';

/**
 * What keeps the database and machine keys secret at rest:
 * - `safeStorage`: Electron's safeStorage (the desktop app);
 * - `keyring`: the OS keyring (Secret Service, Keychain, Credential Manager), for the browser host and the CLI;
 * - `env`: a secret from REGCLIENT_DB_SECRET, never stored;
 * - `keyfile`: a plain key file beside the wrapped keys (a copy of the folder decrypts everything: warned).
 */
export const KeyProtection = z.enum(['safeStorage', 'keyring', 'keyfile', 'env']);
export type KeyProtection = z.infer<typeof KeyProtection>;

/** `REGCLIENT_KEY_STORE`: pins how a new data dir's keys are protected (unset: the OS keyring where one exists). */
export const KeyStoreChoice = z.enum(['keyring', 'keyfile']);
export type KeyStoreChoice = z.infer<typeof KeyStoreChoice>;

/** The keyring entry that names a data dir's key (random, kept in the wrapped files; never the key itself). */
export const KeyringRef = z.string().regex(/^[0-9a-f]{32}$/, 'a keyring reference is 32 lowercase hex digits');
