import { SbiEnv, type TrustDomain } from '../../schemas/sbi';
import type { TrustStore } from './TrustStore';

/**
 * Settings of the SBI client. Every timing and limit is a named option with a default, validated
 * at construction (STYLE rule 29).
 */
export interface SbiClientOptions {
  readonly trust: TrustStore;
  /** ports scanned by discovery: an inclusive range (default 4501–4600) or an explicit list */
  readonly ports?: { readonly from: number; readonly to: number } | readonly number[];
  /** TCP connect check per port */
  readonly connectTimeoutMs?: number;
  /** MOSIPDINFO deadline per open port; bounds discovery when ports accept and never answer */
  readonly infoTimeoutMs?: number;
  /** parallel connect checks */
  readonly scanConcurrency?: number;
  /** `timeout` sent in RCAPTURE; the call deadline adds `captureSlackMs` */
  readonly captureTimeoutMs?: number;
  readonly captureSlackMs?: number;
  /** tolerance on certificate dates */
  readonly clockSkewMs?: number;
  /** allowed distance of capture `timestamp` / digitalId `dateTime` from the host clock (Java default ±5 min) */
  readonly timestampWindowMs?: number;
  /**
   * `strict` (default) rejects a capture whose hash chain does not verify with
   * ERR_SBI_HASH_CHAIN_BROKEN; `warn` accepts it and lists the mismatch in `warnings`, for field
   * SBIs known to deviate (sbi-protocol.md §2.6). Every other check stays strict.
   */
  readonly hashChainPolicy?: 'strict' | 'warn';
  /** trust domain of the nested digitalId for L0 devices (Java `trust.domain.digitalId`); L1 uses FTM */
  readonly digitalIdDomain?: TrustDomain;
  /**
   * Re-check `deviceStatus` with MOSIPDISC right before each RCAPTURE, as the Java client does
   * before STREAM (sbi-protocol.md §1.5 step 5); a device that went Busy/Not Ready since
   * discovery is then refused with its own code instead of a device error. Default true.
   */
  readonly shouldCheckStatusBeforeCapture?: boolean;
  /** `env` sent in RCAPTURE (Java sends the server profile) */
  readonly env?: SbiEnv;
  readonly now?: () => number;
}

export type ResolvedSbiClientOptions = Required<Omit<SbiClientOptions, 'ports'>> & { readonly ports: readonly number[] };

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`SbiClientOptions.${name}: expected a positive number, got ${value}`);
  return value;
}

/** Applies defaults and validates. @throws TypeError on a bad value (a configuration bug). */
export function resolveSbiClientOptions(options: SbiClientOptions): ResolvedSbiClientOptions {
  const ports = Array.isArray(options.ports) ? [...(options.ports as readonly number[])] : rangeOf((options.ports as { from: number; to: number } | undefined) ?? { from: 4501, to: 4600 });
  if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65_535)) throw new TypeError('SbiClientOptions.ports: expected ports within 1..65535');
  const hashChainPolicy = options.hashChainPolicy ?? 'strict';
  if (hashChainPolicy !== 'strict' && hashChainPolicy !== 'warn') throw new TypeError(`SbiClientOptions.hashChainPolicy: ${String(hashChainPolicy)}`);
  return {
    trust: options.trust,
    ports,
    connectTimeoutMs: positive('connectTimeoutMs', options.connectTimeoutMs ?? 300),
    infoTimeoutMs: positive('infoTimeoutMs', options.infoTimeoutMs ?? 1500),
    scanConcurrency: positive('scanConcurrency', options.scanConcurrency ?? 32),
    captureTimeoutMs: positive('captureTimeoutMs', options.captureTimeoutMs ?? 10_000),
    captureSlackMs: positive('captureSlackMs', options.captureSlackMs ?? 5000),
    clockSkewMs: positive('clockSkewMs', options.clockSkewMs ?? 5 * 60_000),
    timestampWindowMs: positive('timestampWindowMs', options.timestampWindowMs ?? 5 * 60_000),
    hashChainPolicy,
    digitalIdDomain: options.digitalIdDomain ?? 'DEVICE',
    shouldCheckStatusBeforeCapture: options.shouldCheckStatusBeforeCapture ?? true,
    env: SbiEnv.parse(options.env ?? 'Staging'),
    now: options.now ?? Date.now,
  };
}

/** Parses `FROM-TO` (CLI `--ports`). @throws TypeError on bad input. */
export function parsePortRange(text: string): { from: number; to: number } {
  const match = /^(\d+)-(\d+)$/.exec(text.trim());
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from < 1 || to > 65_535 || from > to) throw new TypeError(`port range must look like 4501-4600, got ${text}`);
  return { from, to };
}

function rangeOf(r: { from: number; to: number }): number[] {
  if (!Number.isInteger(r.from) || !Number.isInteger(r.to) || r.from > r.to) throw new TypeError('SbiClientOptions.ports: bad range');
  return Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i);
}
