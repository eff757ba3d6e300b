import { z } from 'zod';

/**
 * MOSIP 1.2 JSON wrappers (packet-and-server-apis.md §0). Business errors usually arrive with HTTP
 * 200 and a non-empty `errors` array, so a caller must look at `errors` before `response`.
 */
export const MosipError = z.object({
  errorCode: z.string(),
  message: z.string().default(''),
});
export type MosipError = z.infer<typeof MosipError>;

/** The response wrapper; `response` is parsed separately with the endpoint's own schema. */
export const MosipResponseWrapper = z.object({
  id: z.string().nullish(),
  version: z.string().nullish(),
  responsetime: z.string().nullish(),
  metadata: z.unknown().optional(),
  response: z.unknown().optional(),
  /** loose: regproc adds `registrationId` / `status` per record, which batch callers need */
  errors: z.array(MosipError.loose()).nullish(),
});
export type MosipResponseWrapper = z.infer<typeof MosipResponseWrapper>;

/** The request wrapper sent by every kernel / registration-processor JSON API. */
export const MosipRequestWrapper = z.object({
  id: z.string(),
  version: z.string(),
  requesttime: z.string(),
  metadata: z.unknown().optional(),
  request: z.unknown(),
});
export type MosipRequestWrapper = z.infer<typeof MosipRequestWrapper>;

/** `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, the only timestamp form MOSIP parses everywhere. */
export const MosipTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'timestamp is yyyy-MM-ddTHH:mm:ss.SSSZ');
