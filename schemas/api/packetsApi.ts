import { PacketBuildProgress } from '../packet';

/**
 * No method here on purpose (issue 12). A `packets.build` that took the registration, captures
 * and audit entries from the page let a page with DevTools build a clean-inspecting packet from an
 * accomplice's captures under another resident's name, skipping the officer's password, the spec
 * checks and the supervisor review. The page builds a packet only through `drafts.submit`, which
 * composes it from the draft the main process holds and the captures it verified itself; the
 * CLI's `packet build` uses the builder directly, never the contract.
 */
export const packetsApi = {} as const;

export const packetsEvents = {
  /** progress of the packet `drafts.submit` builds, for that screen */
  'packets.onDidProgress': PacketBuildProgress,
} as const;
