import type { CliCommand } from '../CliCommand';
import { backupCommands } from './backup';
import { coreCommands } from './core';
import { crvsCommands } from './crvs';
import { devicesCommands } from './devices';
import { keysCommands } from './keys';
import { packetCommands } from './packet';
import { packetsCommands } from './packets';
import { syncCommands } from './sync';

/** Every CLI command. Each area exports its own array from `commands/<area>.ts` and adds it here. */
export const COMMANDS: readonly CliCommand[] = [...coreCommands, ...devicesCommands, ...keysCommands, ...packetCommands, ...packetsCommands, ...syncCommands, ...backupCommands, ...crvsCommands];
