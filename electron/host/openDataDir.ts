import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, accessSync, constants, rmdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../schemas/errors';
import type { MachineIdentity } from '../../schemas/machine';
import { loadOrCreateMachineKey, hasMachineKey, type MachineKey } from '../../native/keystore/machineKeyStore';
import type { SecretWrapper, WrapperKind } from '../../native/keystore/SecretWrapper';
import { readWrappedSecret, writeWrappedSecret, WrappedSecretError } from '../../native/keystore/wrappedSecretFile';
import { systemClock, type Clock } from '../../native/time/Clock';
import { AuditLog } from '../services/audit/AuditLog';
import type { DB } from '../services/db/Database';
import { migrate } from '../services/db/migrations';
import { openDatabase } from '../services/db/openDatabase';
import { getMeta, setMeta } from '../services/db/repos/meta';
import { checkDbSecret, chooseWrapper, DB_KEY_FILE } from './chooseWrapper';
import { orPathError } from './orPathError';

export const DB_FILE = 'regclient.db';
export const KEY_DIR = 'keys';
/** where built packets wait for upload */
export const PACKETS_DIR = 'packets';
/** the audit chain's HMAC key, wrapped, and its head recorded outside the database */
export const AUDIT_KEY_FILE = 'audit-key.wrapped';
export const AUDIT_ANCHOR_FILE = 'audit.head';

export interface OpenDataDirOptions {
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** the Electron shell passes its safeStorage wrapper; others choose from the env / key file */
  readonly wrapper?: SecretWrapper;
  readonly clock?: Clock;
  /** centre and machine recorded on first run (later confirmed by the server) */
  readonly firstRunIdentity?: { readonly centreId: string; readonly machineId: string };
}

export interface OpenedDataDir {
  readonly dataDir: string;
  readonly db: DB;
  readonly audit: AuditLog;
  readonly machineKey: MachineKey;
  readonly identity: MachineIdentity;
  readonly clock: Clock;
  /** true when this call created the database */
  readonly isNew: boolean;
  /** what protects the database and machine keys at rest (doctor and the UI report it) */
  readonly keyProtection: WrapperKind;
  /** that wrapper: a scheduled backup unwraps the keys with it, and wraps its own key (passphrase-derived) with it */
  readonly wrapper: SecretWrapper;
  close(): void;
}

const DEFAULT_IDENTITY = { centreId: '10001', machineId: '10002' } as const;

/**
 * Opens a data directory: unwraps the database key, opens and migrates the encrypted database,
 * loads (or on first run creates) the machine key. Existing data is never replaced: a missing or
 * wrong key is an error, not a reason to start over.
 * @throws AppError ERR_DATA_DIR_UNUSABLE, ERR_DB_KEY_MISSING, ERR_DB_KEY_INVALID, ERR_DB_SECRET_MISSING, ERR_DB_SECRET_TOO_SHORT,
 *   ERR_DB_NEWER_VERSION, ERR_DB_MIGRATION_FAILED, ERR_DB_CORRUPT, ERR_KEYSTORE_INVALID
 */
export function openDataDir(options: OpenDataDirOptions): OpenedDataDir {
  const dataDir = resolve(options.dataDir);
  const clock = options.clock ?? systemClock;
  const keyDir = join(dataDir, KEY_DIR);
  // before anything is created: a refused secret leaves no half-made data dir
  if (!options.wrapper) checkDbSecret(keyDir, options.env);
  const existed = existsSync(dataDir);
  ensureWritableDir(dataDir);
  ensureWritableDir(keyDir);
  const wrapper = options.wrapper ?? chooseNewOrExisting(keyDir, options.env, existed ? undefined : dataDir);
  const dbPath = join(dataDir, DB_FILE);
  const isNew = !existsSync(dbPath);
  const dbKey = loadOrCreateDbKey(join(keyDir, DB_KEY_FILE), wrapper, dbPath, isNew);

  const db = openDatabase(dbPath, dbKey);
  try {
    const migration = migrate(db);
    const audit = new AuditLog(db, clock, { key: loadOrCreateAuditKey(join(keyDir, AUDIT_KEY_FILE), wrapper), anchorPath: join(dataDir, AUDIT_ANCHOR_FILE) });
    if (isNew) audit.append('DB_CREATED', null, { schemaVersion: migration.to });
    else if (migration.applied.length > 0) audit.append('DB_MIGRATED', null, { from: migration.from, to: migration.to });

    const machineKey = loadMachineKey(keyDir, wrapper, isNew);
    if (machineKey.created) audit.append('MACHINE_KEY_CREATED', null, { keyIndex: machineKey.key.keyIndex });
    const identity = loadIdentity(db, machineKey.key, options.firstRunIdentity ?? DEFAULT_IDENTITY, clock);
    return { dataDir, db, audit, machineKey: machineKey.key, identity, clock, isNew, keyProtection: wrapper.kind, wrapper, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** chooseWrapper; a refusal on a folder this call created (a keyring that does not answer) leaves no empty folder behind. */
function chooseNewOrExisting(keyDir: string, env: NodeJS.ProcessEnv, createdDataDir: string | undefined): SecretWrapper {
  try {
    return chooseWrapper(keyDir, env);
  } catch (err) {
    if (createdDataDir !== undefined) {
      for (const dir of [keyDir, createdDataDir]) {
        try {
          rmdirSync(dir); // only if empty: never removes anything written
        } catch {
          break;
        }
      }
    }
    throw err;
  }
}

function ensureWritableDir(path: string): void {
  orPathError('ERR_DATA_DIR_UNUSABLE', path, () => {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    accessSync(path, constants.W_OK | constants.R_OK);
  });
}

/**
 * The audit chain's HMAC key, wrapped like the database key. A data dir from before it gets one
 * now, and its chain is keyed from the next entry on.
 */
function loadOrCreateAuditKey(path: string, wrapper: SecretWrapper): Buffer {
  try {
    return readWrappedSecret(path, wrapper);
  } catch (err) {
    if (!(err instanceof WrappedSecretError) || err.reason !== 'missing') {
      throw new AppError('ERR_KEYSTORE_INVALID', { path, reason: (err as Error).message }, { cause: err });
    }
    const key = randomBytes(32);
    writeWrappedSecret(path, wrapper, key);
    return key;
  }
}

function loadOrCreateDbKey(path: string, wrapper: SecretWrapper, dbPath: string, isNewDb: boolean): Buffer {
  try {
    return readWrappedSecret(path, wrapper);
  } catch (err) {
    if (!(err instanceof WrappedSecretError)) throw err;
    if (err.reason === 'missing') {
      if (!isNewDb) throw new AppError('ERR_DB_KEY_MISSING', { path }, { cause: err });
      const key = randomBytes(32);
      writeWrappedSecret(path, wrapper, key);
      return key;
    }
    throw new AppError('ERR_DB_KEY_INVALID', { path: dbPath, reason: err.message }, { cause: err });
  }
}

function loadMachineKey(keyDir: string, wrapper: SecretWrapper, isNewDb: boolean): { key: MachineKey; created: boolean } {
  // An existing installation without its machine key must not silently get a new identity:
  // the server knows this machine by its key index.
  if (!isNewDb && !hasMachineKey(keyDir)) {
    throw new AppError('ERR_KEYSTORE_INVALID', { path: keyDir, reason: 'the machine key is missing; restore it from backup or re-onboard the machine' });
  }
  return orPathError('ERR_KEYSTORE_INVALID', keyDir, () => loadOrCreateMachineKey(keyDir, wrapper));
}

function loadIdentity(db: DB, key: MachineKey, firstRun: { centreId: string; machineId: string }, clock: Clock): MachineIdentity {
  let centreId = getMeta(db, 'machine.centreId');
  let machineId = getMeta(db, 'machine.machineId');
  let createdAt = Number(getMeta(db, 'machine.createdAt') ?? NaN);
  if (centreId === undefined || machineId === undefined || Number.isNaN(createdAt)) {
    centreId = firstRun.centreId;
    machineId = firstRun.machineId;
    createdAt = clock.now();
    db.transaction(() => {
      setMeta(db, 'machine.centreId', centreId!);
      setMeta(db, 'machine.machineId', machineId!);
      setMeta(db, 'machine.createdAt', String(createdAt));
    })();
  }
  return { centreId, machineId, keyIndex: key.keyIndex, publicKey: key.spkiDer.toString('base64'), createdAt };
}
