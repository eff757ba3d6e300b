import { z } from 'zod';
import { defineErrors } from './defineErrors';

/** Errors of the CRVS bridge (`regclient bridge`, `regclient crvs …`). Codes are API: never renamed or reused. */
export const crvsErrors = defineErrors({
  ERR_CRVS_WEBHOOK_UNAUTHORIZED: {
    retry: 'fatal',
    log: 'a webhook call without the bridge bearer token, or with another one (v2-events: no valid OpenCRVS action token): refused, nothing stored',
    details: () => z.object({ reason: z.enum(['missing', 'mismatch', 'invalid']) }),
  },
  ERR_CRVS_PAYLOAD_TOO_LARGE: {
    retry: 'fatal',
    log: 'a request body larger than the bridge reads: refused before it was buffered, nothing stored',
    details: () => z.object({ limitBytes: z.number().int() }),
  },
  ERR_CRVS_PAYLOAD_INVALID: {
    retry: 'fatal',
    log: 'a webhook body that is not a birth or death MosipInteropPayload (not JSON, or a field breaks its rule): refused, nothing stored',
    details: () => z.object({ field: z.string(), rule: z.string() }),
  },
  ERR_CRVS_EVENT_DUPLICATE: {
    retry: 'fatal',
    log: 'an event the bridge already holds (same event id): acknowledged, not stored again',
    details: () => z.object({ eventId: z.string() }),
  },
  ERR_CRVS_WEBSUB_SIGNATURE_INVALID: {
    retry: 'fatal',
    log: 'a WebSub delivery whose x-hub-signature is missing, malformed or not the HMAC of its body under the subscription secret: refused',
    details: () => z.object({ reason: z.string() }),
  },
  ERR_CRVS_CREDENTIAL_UNREADABLE: {
    retry: 'fatal',
    log: 'a signed CREDENTIAL_ISSUED delivery whose credential cannot be decrypted with the partner key or read',
    details: () => z.object({ rid: z.string(), reason: z.string() }),
  },
  ERR_CRVS_CONFIRM_FAILED: {
    retry: 'retry',
    log: 'the CRVS system did not take the confirmation (unreachable or not 2xx): kept, sent again later',
    details: () => z.object({ eventId: z.string(), reason: z.string() }),
  },
  ERR_CRVS_CONFIRM_REFUSED: {
    retry: 'park',
    log: 'the CRVS system refused the confirmation\'s credentials (OpenCRVS v2: the action token expired, was revoked or is missing): parked until a person acts',
    details: () => z.object({ eventId: z.string(), reason: z.string() }),
  },
  ERR_CRVS_REGISTRY_NOT_CONFIGURED: {
    retry: 'fatal',
    log: 'fetching a birth record: the civil registry (OpenCRVS) is not set up in settings, or the deployment is not online',
    details: () => z.object({ missing: z.string() }),
  },
  ERR_CRVS_REGISTRY_UNREACHABLE: {
    retry: 'retry',
    log: 'fetching a birth record: the civil registry did not answer, or answered an error',
    details: () => z.object({ reason: z.string() }),
  },
  ERR_CRVS_REGISTRY_REFUSED: {
    retry: 'fatal',
    log: 'fetching a birth record: the civil registry refused the client id and secret in settings (or the client lacks record.search)',
    details: () => z.object({ status: z.number().int() }),
  },
  ERR_CRVS_REGISTRY_NOT_FOUND: {
    retry: 'fatal',
    log: 'fetching a birth record: no registered birth with this number in the civil registry',
    details: () => z.object({ birthRegistrationNumber: z.string() }),
  },
  ERR_CRVS_REGISTRY_ANSWER_INVALID: {
    retry: 'fatal',
    log: 'fetching a birth record: the civil registry\'s answer is too large or not the expected shape; nothing was filled',
    details: () => z.object({ field: z.string(), rule: z.string() }),
  },
  ERR_CRVS_EVENT_NOT_FOUND: {
    retry: 'fatal',
    log: 'no CRVS event with this id in this data folder',
    details: () => z.object({ eventId: z.string() }),
  },
  ERR_CRVS_EVENT_NOT_PARKED: {
    retry: 'fatal',
    log: 'only a parked event can be replayed',
    details: () => z.object({ eventId: z.string(), state: z.string() }),
  },
  ERR_CRVS_NOT_CONFIGURED: {
    retry: 'fatal',
    log: 'the bridge is not set up in this data folder (run `regclient bridge init`)',
    details: () => z.object({ what: z.string() }),
  },
  ERR_CRVS_NO_MOSIP_API: {
    retry: 'park',
    log: 'MOSIP 1.2 has no API this client can call for this step: the event is kept, parked, until one exists',
    details: () => z.object({ eventId: z.string(), step: z.string() }),
  },
  ERR_CRVS_BIRTH_REVOKED: {
    retry: 'park',
    log: 'the civil registry revoked a birth: recorded and reported; MOSIP has no revocation of an identity for the client to request',
    details: () => z.object({ eventId: z.string(), revokes: z.string() }),
  },
  ERR_CRVS_LISTEN_INVALID: {
    retry: 'fatal',
    log: '--listen must be HOST:PORT',
    details: () => z.object({ value: z.string() }),
  },
});
