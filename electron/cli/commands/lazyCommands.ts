import type { CliCommand } from '../CliCommand';

/**
 * One area of commands, loaded only when a command line names it. The bin starts in the time it
 * takes to evaluate the area a command needs, not all of them: `packets list` does not pay for the
 * packet engine, the device client or backups (issue 14: under 200 ms on 1,000 packets).
 */
export interface CommandArea {
  /** the first command word of every command in the area (checked against the area by a test) */
  readonly firstWords: readonly string[];
  readonly load: () => Promise<readonly CliCommand[]>;
}

/** Every area; `commands/index.ts` is the same list loaded eagerly, for tests and help. */
export const COMMAND_AREAS: readonly CommandArea[] = [
  { firstWords: ['operators', 'audit', 'doctor'], load: async () => (await import('./core')).coreCommands },
  { firstWords: ['devices'], load: async () => (await import('./devices')).devicesCommands },
  { firstWords: ['keys'], load: async () => (await import('./keys')).keysCommands },
  { firstWords: ['packet'], load: async () => (await import('./packet')).packetCommands },
  { firstWords: ['packets', 'export', 'status'], load: async () => (await import('./packets')).packetsCommands },
  { firstWords: ['sync'], load: async () => (await import('./sync')).syncCommands },
  { firstWords: ['backup', 'restore'], load: async () => (await import('./backup')).backupCommands },
  { firstWords: ['crvs', 'bridge'], load: async () => (await import('./crvs')).crvsCommands },
];

/**
 * The commands a command line can mean: the areas its first word names, or every area when it
 * names none (help, a mistyped command and its "did you mean" need them all).
 */
export async function loadCommands(words: readonly string[]): Promise<readonly CliCommand[]> {
  const named = COMMAND_AREAS.filter((a) => a.firstWords.includes(words[0] ?? ''));
  const areas = named.length > 0 ? named : COMMAND_AREAS;
  return (await Promise.all(areas.map((a) => a.load()))).flat();
}
