import { z } from 'zod';

/** An online session with the MOSIP server (token from syncdata useridpwd). Times are epoch ms. */
export const ServerSession = z.object({
  userId: z.string(),
  /** from the token's `realm_access.roles` claim, as the Java client reads them */
  roles: z.array(z.string()),
  expiresAt: z.number().int(),
  refreshExpiresAt: z.number().int().optional(),
});
export type ServerSession = z.infer<typeof ServerSession>;

/** Down-sync jobs, in the order an initial sync runs them (`preRegistration` only when the registration area is wired). */
export const DownSyncJob = z.enum(['signCertificate', 'registrationCertificate', 'masterData', 'configs', 'userDetails', 'idSchema', 'caCertificates', 'preRegistration']);
export type DownSyncJob = z.infer<typeof DownSyncJob>;

/** What one down-sync job did; `error` carries the code when it failed (other jobs still run). */
export const DownSyncJobResult = z.object({
  job: DownSyncJob,
  ok: z.boolean(),
  /** rows/keys/certificates written */
  changed: z.number().int().nonnegative(),
  error: z.object({ code: z.string(), retry: z.string() }).nullable(),
});
export type DownSyncJobResult = z.infer<typeof DownSyncJobResult>;

export const DownSyncSummary = z.object({
  startedAt: z.number().int(),
  finishedAt: z.number().int(),
  jobs: z.array(DownSyncJobResult),
});
export type DownSyncSummary = z.infer<typeof DownSyncSummary>;
