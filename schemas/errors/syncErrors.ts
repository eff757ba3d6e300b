import { z } from 'zod';
import { defineErrors } from './defineErrors';

/** Errors of the sync area. Codes are API: never renamed or reused. */
export const syncErrors = defineErrors({
  ERR_SYNC_UNREACHABLE: {
    retry: 'retry',
    log: 'the MOSIP server could not be reached (connection refused, reset or DNS)',
    details: z.object({ endpoint: z.string(), reason: z.string() }),
  },
  ERR_SYNC_TIMEOUT: {
    retry: 'retry',
    log: 'the MOSIP server did not answer in time',
    details: z.object({ endpoint: z.string(), timeoutMs: z.number().int() }),
  },
  ERR_SYNC_SERVER_ERROR: {
    retry: 'retry',
    log: 'the MOSIP server answered with a 5xx status',
    details: z.object({ endpoint: z.string(), status: z.number().int() }),
  },
  ERR_SYNC_RATE_LIMITED: {
    retry: 'retry',
    log: 'the MOSIP server asked us to slow down (429)',
    details: z.object({ endpoint: z.string(), retryAfterSeconds: z.number().int().nonnegative() }),
  },
  ERR_SYNC_BAD_RESPONSE: {
    retry: 'retry',
    log: 'the MOSIP server answer is not the expected JSON (proxy page, truncated or wrong shape)',
    details: z.object({ endpoint: z.string(), reason: z.string() }),
  },
  ERR_SYNC_AUTH_EXPIRED: {
    retry: 'reauth',
    log: 'the server session token is missing, expired or rejected (401)',
    details: z.object({ endpoint: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_REJECTED: {
    retry: 'park',
    log: 'the MOSIP server refused the request (4xx or a business error)',
    details: z.object({ endpoint: z.string(), status: z.number().int(), errorCode: z.string(), message: z.string() }),
  },
  ERR_SYNC_CLOCK_SKEW: {
    retry: 'park',
    log: 'the machine clock differs too much from the server clock',
    details: z.object({ endpoint: z.string(), skewMinutes: z.number().int() }),
  },
  ERR_SYNC_LOGIN_FAILED: {
    retry: 'park',
    log: 'the server refused the operator user id or password',
    details: z.object({ userId: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_MACHINE_NOT_REGISTERED: {
    retry: 'park',
    log: 'this machine key is not registered on the MOSIP server',
    details: z.object({ keyIndex: z.string(), errorCode: z.string() }),
  },
  ERR_SYNC_SIGNATURE_INVALID: {
    retry: 'park',
    log: 'a server answer failed Response-Signature verification',
    details: z.object({ endpoint: z.string(), reason: z.string() }),
  },
  ERR_SYNC_DECRYPT_FAILED: {
    retry: 'park',
    log: 'data encrypted to this machine could not be decrypted with the machine key',
    details: z.object({ what: z.string() }),
  },
  ERR_SYNC_NOT_CONFIGURED: {
    retry: 'fatal',
    log: 'sync is not configured (server address, centre or machine missing)',
    details: z.object({ what: z.string() }),
  },
});
