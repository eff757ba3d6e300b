/** Fault kinds the simulator can inject per endpoint (`POST /_sim/faults`). */
export type FaultKind = 'status' | 'rateLimit' | 'hang' | 'reset' | 'unauthorized' | 'throttle' | 'badSignature' | 'flood' | 'nullResponse';

export interface Fault {
  /** path prefix the fault applies to, e.g. `/v1/syncdata/v2/clientsettings` */
  readonly endpoint: string;
  readonly kind: FaultKind;
  /** HTTP status for `status` (default 503) */
  readonly status?: number;
  /** seconds for `rateLimit` (default 1) */
  readonly retryAfterSeconds?: number;
  /** response bytes per second for `throttle` */
  readonly bytesPerSecond?: number;
  /** bytes a `flood` answer streams (chunked, no length) until done or the client hangs up; default 256 MiB */
  readonly floodBytes?: number;
  /** `flood` declares its size in Content-Length instead of streaming it chunked */
  readonly declareLength?: boolean;
  /** how many requests it hits before it clears itself; absent = until DELETE /_sim/faults */
  times?: number;
}

const KINDS: readonly FaultKind[] = ['status', 'rateLimit', 'hang', 'reset', 'unauthorized', 'throttle', 'badSignature', 'flood', 'nullResponse'];

/** Validates one fault from the admin endpoint; throws with the field that is wrong. */
export function parseFault(value: unknown): Fault {
  const v = value as Partial<Fault> | null;
  if (!v || typeof v.endpoint !== 'string' || !v.endpoint.startsWith('/')) throw new Error('fault.endpoint must be a path starting with /');
  if (!KINDS.includes(v.kind as FaultKind)) throw new Error(`fault.kind must be one of ${KINDS.join(', ')}`);
  if (v.kind === 'throttle' && !(typeof v.bytesPerSecond === 'number' && v.bytesPerSecond > 0)) throw new Error('fault.bytesPerSecond must be > 0');
  if (v.floodBytes !== undefined && !(Number.isInteger(v.floodBytes) && v.floodBytes > 0)) throw new Error('fault.floodBytes must be a positive integer');
  if (v.times !== undefined && !(Number.isInteger(v.times) && v.times > 0)) throw new Error('fault.times must be a positive integer');
  return { ...v, endpoint: v.endpoint, kind: v.kind as FaultKind };
}

/** Ordered fault rules; the first that matches a path is used and its `times` counted down. */
export class FaultTable {
  #faults: Fault[] = [];

  add(fault: Fault): void {
    this.#faults.push({ ...fault });
  }

  clear(): void {
    this.#faults = [];
  }

  list(): readonly Fault[] {
    return this.#faults;
  }

  take(path: string): Fault | undefined {
    const fault = this.#faults.find((f) => path.startsWith(f.endpoint));
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
    }
    return fault;
  }
}
