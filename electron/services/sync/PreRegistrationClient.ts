import type { KeyObject } from 'node:crypto';
import { AppError, isAppError } from '../../../schemas/errors';
import { PreRegArchive, PreRegIdsResponse } from '../../../schemas/preRegistration';
import type { Clock } from '../../../native/time/Clock';
import { decryptClientCrypto, decodeBase64Any } from './clientCrypto';
import type { MosipHttpClient } from './MosipHttpClient';
import { formatMosipTime } from './mosipTime';

/** The server session the calls ride on (MosipSyncService). */
export interface PreRegistrationServer {
  readonly http: MosipHttpClient;
  readonly session: unknown;
}

export interface PreRegistrationClientOptions {
  readonly server: PreRegistrationServer;
  readonly clock: Clock;
  readonly machinePrivateKey: KeyObject;
  readonly machineId: string;
}

/** One application as downloaded: the booking and the decrypted zip (ID.json + documents). */
export interface DownloadedPreRegistration {
  readonly prid: string;
  readonly centreId: string | null;
  readonly appointmentDate: string | null;
  readonly fromTimeSlot: string | null;
  readonly toTimeSlot: string | null;
  readonly zip: Buffer;
}

/** "Nothing booked" answers of the bulk list: an empty list, not a failure. */
const NO_RECORDS = new Set(['PRG_DATA_SYNC_001', 'PRG_DATA_SYNC_016']);

/**
 * HTTP side of MOSIP pre-registration data sync, as the 1.2 client calls it
 * (PreRegistrationDataSyncServiceImpl): the centre's PRIDs for an appointment window, then each
 * application, whose zip arrives encrypted to this machine's key.
 */
export class PreRegistrationClient {
  readonly #o: PreRegistrationClientOptions;

  constructor(options: PreRegistrationClientOptions) {
    this.#o = options;
  }

  /**
   * `POST /preregistration/v1/sync`: PRID → last update time of the centre's booked applications.
   * @throws AppError ERR_SYNC_* (no session: ERR_SYNC_AUTH_EXPIRED)
   */
  async listIds(centreId: string, fromDate: string, toDate: string, signal?: AbortSignal): Promise<Readonly<Record<string, string | null>>> {
    this.#needSession();
    const path = '/preregistration/v1/sync';
    const json = {
      id: 'mosip.pre-registration.datasync.fetch.ids', version: '1.0', requesttime: formatMosipTime(this.#o.clock.now()),
      request: { registrationCenterId: centreId, fromDate, toDate },
    };
    try {
      const res = await this.#o.server.http.call({ method: 'POST', path, json, signal }, PreRegIdsResponse);
      return res.preRegistrationIds;
    } catch (err) {
      if (isAppError(err) && err.is('ERR_SYNC_REJECTED') && NO_RECORDS.has(err.details.errorCode)) return {};
      throw err;
    }
  }

  /**
   * `GET /preregistration/v1/sync/{prid}/{machineId}`, decrypted.
   * @throws AppError ERR_SYNC_REJECTED (errorCode PRG_PAM_APP_005: no such application), ERR_SYNC_DECRYPT_FAILED, ERR_SYNC_*
   */
  async fetch(prid: string, signal?: AbortSignal): Promise<DownloadedPreRegistration> {
    this.#needSession();
    const path = `/preregistration/v1/sync/${encodeURIComponent(prid)}/${encodeURIComponent(this.#o.machineId)}`;
    const res = await this.#o.server.http.call({ method: 'GET', path, signal }, PreRegArchive);
    if (res['pre-registration-id'] !== prid) {
      throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint: path, reason: `asked for ${prid}, got ${res['pre-registration-id']}` });
    }
    const zip = decryptClientCrypto(this.#o.machinePrivateKey, decodeBase64Any(res['zip-bytes']), `pre-registration ${prid}`);
    return {
      prid,
      centreId: res['registration-client-id'] ?? null,
      appointmentDate: res['appointment-date'] ?? null,
      fromTimeSlot: res['from-time-slot'] ?? null,
      toTimeSlot: res['to-time-slot'] ?? null,
      zip,
    };
  }

  #needSession(): void {
    if (!this.#o.server.session) throw new AppError('ERR_SYNC_AUTH_EXPIRED', { endpoint: 'session', errorCode: 'NO_SESSION' });
  }
}
