import { createHash, X509Certificate } from 'node:crypto';
import { AppError } from '../../../schemas/errors';
import type { CertificateResponse } from '../../../schemas/mosipSync';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { getCertificate, putCertificate } from '../db/repos/syncCertificates';
import type { MosipRawResponse } from './MosipHttpClient';
import { parseCertificate } from './parseCertificate';
import { checkResponseSignature } from './responseSignature';
import { chainProblem } from './signCertChain';

const PATH = '/v1/syncdata/getCertificate';

export interface SignCertificateDeps {
  readonly db: DB;
  readonly clock: Clock;
  readonly audit?: AuditLog;
  readonly userId: string | null;
  /** GET getCertificate without checking Response-Signature (checked here, against the right key) */
  readonly fetch: (applicationId: string, referenceId: string | undefined) => Promise<MosipRawResponse>;
  readonly unwrap: (body: Buffer) => CertificateResponse;
}

interface Fetched {
  readonly pem: string;
  readonly x509: X509Certificate;
  readonly timestamp: string | null;
}

/**
 * KERNEL/SIGN sync. The answer must verify with the certificate it carries; then:
 * - nothing pinned (the supervised initial sync): trust on first use, and ROOT and KERNEL are
 *   pinned with it, provided SIGN chains to them;
 * - the pinned certificate again: nothing changes (missing ROOT/KERNEL pins are filled in);
 * - another certificate (the server rotated it): accepted only if it chains to the pinned ROOT,
 *   through the pinned KERNEL or a KERNEL the server now sends that itself chains to that ROOT.
 * The 1.2 Java client replaces the key whenever the thumbprint differs (registration-client
 * PublicKeySyncImpl.saveSignPublicKey → keymanager uploadOtherDomainCertificate, no trust check);
 * we are stricter so a hijacked connection cannot swap the key that vouches for every answer.
 * @returns whether the pinned SIGN certificate changed, and the server time of the answer
 * @throws AppError ERR_SYNC_SIGNATURE_INVALID, ERR_SYNC_SIGN_CERT_UNTRUSTED, ERR_SYNC_*
 */
export async function syncSignCertificate(deps: SignCertificateDeps): Promise<{ changed: boolean; timestamp: string | null }> {
  const sign = await fetchVerified(deps, 'KERNEL', 'SIGN', undefined);
  const thumbprint = thumb(sign.x509);
  const pinned = getCertificate(deps.db, 'KERNEL', 'SIGN');
  const now = deps.clock.now();
  const root = pinnedX509(deps.db, 'ROOT');
  if (pinned && pinned.thumbprint !== thumbprint) {
    if (!root) throw untrusted('no MOSIP root certificate is pinned to check the new KERNEL/SIGN certificate against');
    const kernel = pinnedX509(deps.db, 'KERNEL');
    if (!kernel || chainProblem(sign.x509, [kernel], root, now)) {
      // the KERNEL intermediate may have been renewed too: take the server's, if it chains to our ROOT
      const fresh = await fetchVerified(deps, 'KERNEL', undefined, sign.x509);
      const problem = chainProblem(sign.x509, [fresh.x509], root, now);
      if (problem) throw untrusted(problem);
      pin(deps, 'KERNEL', fresh);
    }
    pin(deps, 'SIGN', sign);
    deps.audit?.append('SYNC_SIGN_CERT_ROTATED', deps.userId, { from: pinned.thumbprint, to: thumbprint });
    return { changed: true, timestamp: sign.timestamp };
  }
  if (!root || !pinnedX509(deps.db, 'KERNEL')) {
    // first use, or pinned before anchors were kept: fetch them, vouched for by this SIGN key
    const fetchedRoot = await fetchVerified(deps, 'ROOT', undefined, sign.x509);
    const kernel = await fetchVerified(deps, 'KERNEL', undefined, sign.x509);
    const problem = chainProblem(sign.x509, [kernel.x509], fetchedRoot.x509, now);
    if (problem) throw untrusted(problem);
    pin(deps, 'ROOT', fetchedRoot);
    pin(deps, 'KERNEL', kernel);
  }
  pin(deps, 'SIGN', sign);
  if (!pinned) deps.audit?.append('SYNC_SIGN_CERT_PINNED', deps.userId, { thumbprint });
  return { changed: !pinned, timestamp: sign.timestamp };
}

/** Fetches a certificate; the answer must be signed by `signer` (or, for SIGN itself, by the certificate it carries). */
async function fetchVerified(deps: SignCertificateDeps, applicationId: string, referenceId: string | undefined, signer: X509Certificate | undefined): Promise<Fetched> {
  const raw = await deps.fetch(applicationId, referenceId);
  const cert = deps.unwrap(raw.body);
  const x509 = parseCertificate(PATH, cert.certificate);
  const header = raw.headers['response-signature'];
  const reason = checkResponseSignature(Array.isArray(header) ? header[0] : header, raw.body, (signer ?? x509).publicKey);
  if (reason) throw new AppError('ERR_SYNC_SIGNATURE_INVALID', { endpoint: `${PATH} ${applicationId}/${referenceId ?? ''}`, reason });
  return { pem: cert.certificate, x509, timestamp: cert.timestamp ?? null };
}

/** Pins live under their keymanager application id; KERNEL's master key has the empty reference id. */
const REF: Readonly<Record<'ROOT' | 'KERNEL' | 'SIGN', [string, string]>> = { ROOT: ['ROOT', ''], KERNEL: ['KERNEL', ''], SIGN: ['KERNEL', 'SIGN'] };

function pin(deps: SignCertificateDeps, which: 'ROOT' | 'KERNEL' | 'SIGN', cert: Fetched): void {
  const [app, ref] = REF[which];
  putCertificate(deps.db, app, ref, { pem: cert.pem, thumbprint: thumb(cert.x509), syncedAt: deps.clock.now() });
}

function pinnedX509(db: DB, which: 'ROOT' | 'KERNEL'): X509Certificate | undefined {
  const [app, ref] = REF[which];
  const stored = getCertificate(db, app, ref);
  return stored ? new X509Certificate(stored.pem) : undefined;
}

function thumb(x509: X509Certificate): string {
  return createHash('sha256').update(x509.raw).digest('hex');
}

function untrusted(reason: string): AppError {
  return new AppError('ERR_SYNC_SIGN_CERT_UNTRUSTED', { reason });
}
