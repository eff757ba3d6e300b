import { advancePackets } from '../../sims/mosip/routes/regproc';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import type { OpenCrvsSimulator } from '../../sims/opencrvs/OpenCrvsSimulator';

/** Resolves once `done()` holds, checked now and after each confirmation OpenCRVS takes. */
export async function untilConfirmed(crvs: OpenCrvsSimulator, done: () => boolean): Promise<void> {
  if (done()) return;
  await new Promise<void>((resolve) => {
    const check = () => {
      if (!done()) return;
      crvs.events.off('confirmation', check);
      resolve();
    };
    crvs.events.on('confirmation', check);
  });
}

/**
 * Plays registration processor's stages for as long as `work` runs: every `everyMs` the simulator
 * moves received packets one stage on (its PROCESSED step publishes CREDENTIAL_ISSUED), as
 * regproc's stages do in their own time. Returns what `work` returns, after the last advance ended.
 */
export async function processDuring<T>(sim: MosipSimulator, work: Promise<T>, everyMs = 50): Promise<T> {
  let inFlight: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (inFlight || !sim.listening) return;
    inFlight = advancePackets(sim)
      .catch(() => undefined)
      .finally(() => (inFlight = undefined));
  }, everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    await inFlight;
  }
}

/** Plays regproc's stages until `done()` holds after a confirmation reached OpenCRVS. */
export async function processUntil(sim: MosipSimulator, crvs: OpenCrvsSimulator, done: () => boolean, everyMs = 50): Promise<void> {
  await processDuring(sim, untilConfirmed(crvs, done), everyMs);
}
