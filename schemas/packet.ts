import { z } from 'zod';
import { RegistrationInput } from './registration';
import { IdSchemaJson } from './registrationIdSchema';

/** Stages of one packet build, in order; `fraction` is 0..1 over the whole build. */
export const PacketBuildStage = z.enum(['validate', 'layout', 'zip', 'encrypt', 'container', 'write', 'commit', 'done']);
export type PacketBuildStage = z.infer<typeof PacketBuildStage>;

/** Progress event for the UI (typed API event `packet.progress`), keyed by the draft being built. */
export const PacketBuildProgress = z.object({
  draftId: z.string(),
  stage: PacketBuildStage,
  fraction: z.number().min(0).max(1),
});
export type PacketBuildProgress = z.infer<typeof PacketBuildProgress>;

/**
 * What the RID sync carries about the resident (Java client RegistrationDAOImpl.save keeps it with
 * the registration, PacketSynchServiceImpl sends it); kept in the packet row.
 */
export const RidSyncContact = z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() });
export type RidSyncContact = z.infer<typeof RidSyncContact>;

/**
 * One packet to build, parsed once where it enters the back end (the submitter, `packet build`,
 * the sample paths); everything behind that boundary takes this type and never parses again.
 */
export const PacketBuildRequest = z.object({
  /** the draft being built: progress events and the failure audit name it */
  draftId: z.string().min(1),
  /** who the audit records; null for builds no person asked for (benchmarks, crash tests) */
  actor: z.string().min(1).nullable(),
  registration: RegistrationInput,
  /** the ID schema the registration was entered against (a form passes its bundle's); default the latest synced */
  idSchema: IdSchemaJson.optional(),
  syncContact: RidSyncContact.optional(),
});
export type PacketBuildRequest = z.infer<typeof PacketBuildRequest>;

/** What `packet build` prints and the service returns once the packet is durable and committed. */
export const PacketBuildResult = z.object({
  rid: z.string(),
  packetId: z.string(),
  /** absolute path of `<packetId>.zip` */
  file: z.string(),
  /** uppercase hex SHA-256 of the file (sync `packetHashValue`) */
  sha256: z.string(),
  size: z.number().int(),
});
export type PacketBuildResult = z.infer<typeof PacketBuildResult>;

/** One check `packet inspect` ran, as a server would. */
export const PacketInspectCheck = z.object({ check: z.string(), ok: z.boolean(), detail: z.string() });
export type PacketInspectCheck = z.infer<typeof PacketInspectCheck>;

export const PacketInspectReport = z.object({
  ok: z.boolean(),
  packetId: z.string().nullable(),
  rid: z.string().nullable(),
  checks: z.array(PacketInspectCheck),
});
export type PacketInspectReport = z.infer<typeof PacketInspectReport>;

/** Server limit `registration.processor.max.file.size` default: 5 MiB. */
export const DEFAULT_MAX_PACKET_BYTES = 5 * 1024 * 1024;
