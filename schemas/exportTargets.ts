import { z } from 'zod';

/** A mounted removable drive (USB stick, SD card) a supervisor can export packets to. */
export const RemovableDrive = z.object({
  /** where it is mounted: the folder the export writes into */
  path: z.string(),
  /** the volume's name as the OS shows it (its folder name), for people */
  label: z.string(),
  freeBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type RemovableDrive = z.infer<typeof RemovableDrive>;

/** Where an export can go: the removable drives mounted now, and whether this host has an OS folder picker (the desktop app). */
export const ExportTargets = z.object({ drives: z.array(RemovableDrive), canPickFolder: z.boolean() });
export type ExportTargets = z.infer<typeof ExportTargets>;
