import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The newest audit entry as recorded outside the database, with a MAC under the audit key. */
export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
}

const mac = (key: Buffer, anchor: AuditAnchor): string => createHmac('sha256', key).update(`regclient-audit-anchor|${anchor.seq}|${anchor.hash}`).digest('hex');

/**
 * Writes the anchor beside the database (temp file, then rename: never half a file). It may lag
 * the database by the entries of a crash or of a concurrent writer; it must never be ahead of it.
 */
export function writeAuditAnchor(path: string, key: Buffer, anchor: AuditAnchor): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ ...anchor, mac: mac(key, anchor) }), { mode: 0o600 });
  renameSync(tmp, path);
}

/** The anchor, `undefined` when none was written yet, or `'forged'` when its MAC does not verify. */
export function readAuditAnchor(path: string, key: Buffer): AuditAnchor | 'forged' | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const parsed = JSON.parse(raw) as { seq: unknown; hash: unknown; mac: unknown };
    if (typeof parsed.seq !== 'number' || typeof parsed.hash !== 'string' || typeof parsed.mac !== 'string') return 'forged';
    const anchor = { seq: parsed.seq, hash: parsed.hash };
    const expected = Buffer.from(mac(key, anchor), 'hex');
    const given = Buffer.from(parsed.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? anchor : 'forged';
  } catch {
    return 'forged';
  }
}
