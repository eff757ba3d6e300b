import { z } from 'zod';
import { PacketBuildProgress, PacketBuildResult } from '../packet';
import { RegistrationInput } from '../registration';
import { method } from './defineApi';

/**
 * What the UI sends to build a packet: the resident's registration. Who built it, where and when
 * (officer, centre, machine, creation time, RID) are filled in by the main process from the
 * session and the machine identity, never taken from the page.
 */
export const PacketBuildInput = z
  .object({
    /** the draft this registration came from; progress events carry it */
    draftId: z.string().min(1).max(100),
    registration: RegistrationInput.omit({ centreId: true, machineId: true, rid: true, operators: true, createdAt: true }).strict(),
  })
  .strict();
export type PacketBuildInput = z.infer<typeof PacketBuildInput>;

export const packetsApi = {
  'packets.build': method({ input: PacketBuildInput, output: PacketBuildResult, access: ['REGISTRATION_OFFICER'] }),
} as const;

export const packetsEvents = {
  'packets.onDidProgress': PacketBuildProgress,
} as const;
