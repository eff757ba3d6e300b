import { existsSync } from 'node:fs';
import { AppError } from '../../../schemas/errors';
import type { CrvsClientSecretStatus } from '../../../schemas/settings';
import type { SecretWrapper } from '../../../native/keystore/SecretWrapper';
import { readWrappedSecret, WrappedSecretError, writeWrappedSecret } from '../../../native/keystore/wrappedSecretFile';
import type { AuditLog } from '../audit/AuditLog';

/** In `<dataDir>/keys`: a `.wrapped` file, so `keys rewrap` moves it with the database and machine keys. */
export const CRVS_CLIENT_SECRET_FILE = 'crvs-client-secret.wrapped';
/** The setting an operator is sent to when the secret is missing or unreadable. */
export const CRVS_SECRET_SETTING = 'civilRegistration.secretKey';
/** The civil registry's (OpenCRVS) client secret, for fetching birth records. */
export const CRVS_REGISTRY_SECRET_FILE = 'crvs-registry-secret.wrapped';
export const CRVS_REGISTRY_SECRET_SETTING = 'civilRegistration.registry.secretKey';

/**
 * The CRVS client's authmanager secret (online civil-registration delivery), wrapped by the data
 * dir's wrapper as the database and machine keys are: never in the settings, the database or a
 * log, and never returned to the page (only whether it is set).
 */
export class CrvsClientSecretStore {
  readonly #path: string;
  readonly #wrapper: SecretWrapper;
  readonly #audit: AuditLog;
  readonly #setting: string;

  /** `setting`: the name audited and reported (default the CRVS client's; the civil registry's client uses its own file and name). */
  constructor(deps: Readonly<{ path: string; wrapper: SecretWrapper; audit: AuditLog; setting?: string }>) {
    this.#path = deps.path;
    this.#wrapper = deps.wrapper;
    this.#audit = deps.audit;
    this.#setting = deps.setting ?? CRVS_SECRET_SETTING;
  }

  status(): CrvsClientSecretStatus {
    return { configured: existsSync(this.#path) };
  }

  /** Replaces the secret; the audit names the setting, never the value. */
  set(secretKey: string, actor: string): CrvsClientSecretStatus {
    writeWrappedSecret(this.#path, this.#wrapper, Buffer.from(secretKey, 'utf8'));
    this.#audit.append('SETTINGS_CHANGED', actor, { changed: [this.#setting] });
    return this.status();
  }

  /**
   * The secret, for the one request that sends it.
   * @throws AppError ERR_SYNC_CRVS_NOT_CONFIGURED (none stored), ERR_SYNC_CRVS_SECRET_UNREADABLE
   */
  read(): string {
    try {
      return readWrappedSecret(this.#path, this.#wrapper).toString('utf8');
    } catch (err) {
      if (!(err instanceof WrappedSecretError)) throw err;
      if (err.reason === 'missing') throw new AppError('ERR_SYNC_CRVS_NOT_CONFIGURED', { setting: this.#setting, missing: 'secretKey' }, { cause: err });
      throw new AppError('ERR_SYNC_CRVS_SECRET_UNREADABLE', { setting: this.#setting, reason: err.reason }, { cause: err });
    }
  }
}
