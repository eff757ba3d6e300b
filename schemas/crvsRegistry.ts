import { z } from 'zod';
import { serverUrlProblem } from './serverUrl';

/**
 * Fetching a birth record from the civil registry (OpenCRVS v2) by its registration number, when
 * the deployment is online. Everything the registry answers is parsed here, bounded, before a
 * single field reaches a draft.
 */

/** The largest search answer read (one record is a few kilobytes; a flood is refused unread). */
export const MAX_REGISTRY_ANSWER_BYTES = 256 * 1024;

/** A birth registration number as typed by the operator (the certificate's number; same rule as the QR's). */
export const BirthRegistrationNumber = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9/-]{3,29}$/, 'birth registration number: 4 to 30 letters, digits, / or -');

/**
 * The MOSIP server's rule (serverUrl.ts): the client secret and the token cross this address, so
 * plain http is only for this machine (the simulator, a local proxy).
 */
function secureAddress(url: string): boolean {
  return serverUrlProblem(url) === undefined;
}

/** Where the civil registry is reached and as whom (settings › civil registration; the client secret is kept wrapped). */
export const CrvsRegistrySettings = z
  .object({
    /** OpenCRVS's events REST API base, `<gateway>/api/events`: records are searched at `<searchUrl>/events/search` */
    searchUrl: z.url('the registry address must be a URL').refine(secureAddress, 'the registry address must start with https:// (http only on this machine)'),
    /** OpenCRVS's auth token endpoint, `<auth>/token` (client_credentials) */
    tokenUrl: z.url('the token address must be a URL').refine(secureAddress, 'the token address must start with https:// (http only on this machine)'),
    /** the OpenCRVS system client (with the `record.search` scope) */
    clientId: z.string().trim().min(1, 'the client id is empty').max(128, 'a client id is at most 128 characters'),
  })
  .strict();
export type CrvsRegistrySettings = z.infer<typeof CrvsRegistrySettings>;

/** OpenCRVS auth `POST /token` (client_credentials) success: `{access_token, token_type: 'Bearer'}`. */
export const RegistryToken = z.object({ access_token: z.string().min(1).max(8192), token_type: z.literal('Bearer') });

const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'yyyy-MM-dd');
const NameText = z.string().trim().max(100);
const PersonName = z.object({ firstname: NameText.optional(), middlename: NameText.optional(), surname: NameText.optional() });

/**
 * One record of OpenCRVS's search answer (`EventIndex`: the event's metadata and its declaration,
 * opencrvs-core `packages/commons/src/events/EventIndex.ts`, `EventMetadata.ts`), with the birth
 * form's field ids of OpenCRVS's reference country configuration (`child.name`, `child.dob`,
 * `child.gender`, `mother.name`, `mother.nid`). Only what the CRVS_NEW form takes is read.
 */
export const RegistryBirthRecord = z.object({
  id: z.string().max(100),
  type: z.string().max(64),
  legalStatuses: z.object({
    REGISTERED: z.object({ registrationNumber: z.string().max(64), acceptedAt: z.iso.datetime({ offset: true }).or(IsoDate) }),
  }),
  declaration: z.object({
    'child.name': PersonName,
    'child.dob': IsoDate,
    'child.gender': z.string().max(32).optional(),
    'mother.name': PersonName.optional(),
    'mother.nid': z.string().max(40).optional(),
  }),
});
export type RegistryBirthRecord = z.infer<typeof RegistryBirthRecord>;

/** OpenCRVS `POST /events/search` answer: `{results: EventIndex[], total}` (a birth number matches one record). */
export const RegistrySearchAnswer = z.object({
  results: z.array(z.unknown()).max(10),
  total: z.number().int().nonnegative(),
});

/** Input of `drafts.fetchBirthRecord`. */
export const FetchBirthRecordInput = z.object({ draftId: z.string().min(1).max(100), birthRegistrationNumber: BirthRegistrationNumber }).strict();
export type FetchBirthRecordInput = z.infer<typeof FetchBirthRecordInput>;

