import { createHash } from 'node:crypto';

/** One named file in a hash sequence: its base name (no extension) and its bytes. */
export interface HashedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * MOSIP "hex hash" of files concatenated in the recorded order: SHA-256, uppercase hex, no
 * newline (`PacketManagerHelper.generateHash` → `HMACUtils2.digestAsPlainText`).
 */
export function hashSequenceHex(files: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const bytes of files) hash.update(bytes);
  return hash.digest('hex').toUpperCase();
}

/** `{label, value}` list as packet_meta_info.json records `hashSequence1` / `hashSequence2`. */
export type HashSequenceLabel = 'biometricSequence' | 'demographicSequence' | 'otherFiles';
export interface HashSequenceEntry {
  readonly label: HashSequenceLabel;
  readonly value: readonly string[];
}

/** Builds the recorded sequence list, omitting labels with no entries (as the writer does). */
export function hashSequence(groups: Readonly<Partial<Record<HashSequenceLabel, readonly HashedFile[]>>>, order: readonly HashSequenceLabel[]): HashSequenceEntry[] {
  const out: HashSequenceEntry[] = [];
  for (const label of order) {
    const files = groups[label] ?? [];
    if (files.length > 0) out.push({ label, value: files.map((f) => f.name) });
  }
  return out;
}

/**
 * Recomputes a hash file from a recorded sequence, fetching each name through `lookup` (the
 * server finds entries by base name, case-insensitively). Missing or empty files are reported
 * because the server's `validateFiles` rejects them.
 */
export function recomputeSequenceHash(
  sequence: readonly HashSequenceEntry[],
  lookup: (name: string) => Uint8Array | undefined,
): { hex: string; missing: string[] } {
  const parts: Uint8Array[] = [];
  const missing: string[] = [];
  for (const entry of sequence) {
    for (const name of entry.value) {
      const bytes = lookup(name);
      if (!bytes || bytes.length === 0) missing.push(name);
      else parts.push(bytes);
    }
  }
  return { hex: hashSequenceHex(parts), missing };
}
