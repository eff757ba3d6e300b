import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { systemClock } from '../../../native/time/Clock';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { runCliCaptured, startCliBed } from './cliTestBed';

/** The bed a describe block's tests read; set by its before() hook, so read it inside tests only. */
export interface EodCliBed {
  readonly dir: string;
  readonly sim: MosipSimulator;
  readonly dataDir: string;
}

/**
 * Registers the hooks the end-of-day CLI files wrote for themselves: a CLI bed (startCliBed), a
 * supervisor added, the initial sync through the CLI, and `<dir>/input.json` holding a sample
 * registration to build from; all removed after the block. Call it inside `describe`.
 */
export function useEodCliBed(prefix: string): EodCliBed {
  let bed: EodCliBed | undefined;
  const get = (): EodCliBed => {
    if (!bed) throw new Error('useEodCliBed: the bed is read before its before() hook ran');
    return bed;
  };
  before(async () => {
    bed = await startCliBed(prefix);
    const { dataDir, sim, dir } = bed;
    assert.equal((await runCliCaptured(dataDir, sim.url, ['operators', 'add', '--user', 'supervisor1', '--name', 'Supervisora', '--role', 'REGISTRATION_SUPERVISOR'], 'Supervisor#2026')).code, 0);
    // the name the simulator's machine master has for machine 10002 (tpm/publickey/verify looks it up by name)
    assert.equal((await runCliCaptured(dataDir, sim.url, ['sync', '--user', 'officer1', '--initial', '--machine-name', 'stp-laptop-10002'], 'Officer#2026')).code, 0);
    writeFileSync(join(dir, 'input.json'), JSON.stringify(sampleRegistration({ now: systemClock.now() })));
  });
  after(async () => {
    if (!bed) return;
    await bed.sim.close();
    rmSync(bed.dir, { recursive: true, force: true });
  });
  return {
    get dir() { return get().dir; },
    get sim() { return get().sim; },
    get dataDir() { return get().dataDir; },
  };
}
