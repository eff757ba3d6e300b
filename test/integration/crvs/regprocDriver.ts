import { advancePackets } from '../../sims/mosip/routes/regproc';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import type { OpenCrvsSimulator } from '../../sims/opencrvs/OpenCrvsSimulator';

/**
 * Plays registration processor's stages while a test waits: every `everyMs` the simulator moves
 * received packets one stage on (its PROCESSED step publishes CREDENTIAL_ISSUED), as regproc's
 * stages do in their own time. Resolves when `done()` holds after a confirmation reached OpenCRVS.
 */
export async function processUntil(sim: MosipSimulator, crvs: OpenCrvsSimulator, done: () => boolean, everyMs = 50): Promise<void> {
  let busy = false;
  const timer = setInterval(() => {
    if (busy || !sim.listening) return;
    busy = true;
    void advancePackets(sim).finally(() => (busy = false));
  }, everyMs);
  try {
    if (done()) return;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        crvs.events.off('confirmation', check);
        resolve();
      };
      crvs.events.on('confirmation', check);
    });
  } finally {
    clearInterval(timer);
  }
}

/** Plays regproc's stages (as {@link processUntil}) for as long as `work` runs, and returns what it returns. */
export async function processDuring<T>(sim: MosipSimulator, work: Promise<T>, everyMs = 50): Promise<T> {
  let busy = false;
  const timer = setInterval(() => {
    if (busy || !sim.listening) return;
    busy = true;
    void advancePackets(sim).finally(() => (busy = false));
  }, everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
