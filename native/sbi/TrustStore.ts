import { X509Certificate } from 'node:crypto';
import type { TrustDomain } from '../../schemas/sbi';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * CA certificates the client trusts, per domain: filled from the CA certificates synced from the
 * server, plus any `--trust-ca` anchors (the simulator's CA in dev). Verification builds a path
 * from a leaf to a self-signed root of the domain, with intermediates from the store only (never
 * from `x5c`), as keymanager's PKIX check does; revocation is not checked (§3.2).
 */
export class TrustStore {
  readonly #certs: Record<TrustDomain, X509Certificate[]> = { DEVICE: [], FTM: [] };

  /** Adds every certificate of a PEM text to a domain. @throws TypeError when the text holds none. */
  addPem(pem: string, domain: TrustDomain = 'DEVICE'): void {
    const blocks = pem.match(PEM_BLOCK);
    if (!blocks) throw new TypeError('TrustStore.addPem: no PEM certificate in input');
    for (const block of blocks) this.#certs[domain].push(new X509Certificate(block));
  }

  size(domain: TrustDomain = 'DEVICE'): number {
    return this.#certs[domain].length;
  }

  /**
   * True when `leaf` chains to a self-signed root of `domain`. Every certificate on the path other
   * than the anchor must be valid at `now`, and every signature must verify.
   */
  isTrusted(leaf: X509Certificate, domain: TrustDomain, now: number, maxDepth = 5): boolean {
    let current = leaf;
    for (let depth = 0; depth < maxDepth; depth++) {
      const issuer = this.#certs[domain].find((ca) => ca.ca && current.checkIssued(ca) && current.verify(ca.publicKey));
      if (!issuer) return false;
      if (issuer.checkIssued(issuer) && issuer.verify(issuer.publicKey)) return true;
      if (Date.parse(issuer.validFrom) > now || Date.parse(issuer.validTo) < now) return false;
      current = issuer;
    }
    return false;
  }
}
