import type { X509Certificate } from 'node:crypto';

/** Longest chain accepted below the root: MOSIP's is SIGN → KERNEL → ROOT. */
const MAX_DEPTH = 4;

function validAt(cert: X509Certificate, now: number): boolean {
  return Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);
}

/**
 * Whether `leaf` chains to the pinned `root` through `intermediates` (keymanager's ROOT → KERNEL →
 * KERNEL/SIGN): each link's issuer name matches, its signature verifies with the issuer's key, the
 * issuer is a CA, and every certificate is valid at `now` (the injected clock).
 * @returns undefined when it chains, else the reason
 */
export function chainProblem(leaf: X509Certificate, intermediates: readonly X509Certificate[], root: X509Certificate, now: number): string | undefined {
  let cert = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!validAt(cert, now)) return `${cert.subject.replace(/\n/g, ', ')} is not valid now (${cert.validFrom} – ${cert.validTo})`;
    if (cert.checkIssued(root) && cert.verify(root.publicKey)) {
      return root.ca && validAt(root, now) ? undefined : 'the pinned root is not a CA valid now';
    }
    const issuer = intermediates.find((i) => i !== cert && i.ca && cert.checkIssued(i) && cert.verify(i.publicKey));
    if (!issuer) return `no trusted issuer signed ${cert.subject.replace(/\n/g, ', ')}`;
    cert = issuer;
  }
  return 'the certificate chain is too long';
}
