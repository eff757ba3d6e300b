import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../../../schemas/errors';
import { CertificateResponse } from '../../../../schemas/mosipSync';
import { writeFileAtomic } from '../../../../native/keystore/wrappedSecretFile';
import { getCertificate, putCertificate } from '../../db/repos/syncCertificates';
import { REGISTRATION_CERT_PATH } from '../../packets/RegistrationCertProvider';
import { recordSyncSuccess } from '../../db/repos/syncControl';
import { parseCertificate } from '../parseCertificate';
import type { DownSyncContext } from './DownSyncContext';

/** REGISTRATION/<centre>_<machine>: stored and written to `<dataDir>/certs/REGISTRATION.pem`. */
export async function syncRegistrationCertificate(ctx: DownSyncContext, signal?: AbortSignal): Promise<number> {
  const path = '/v1/syncdata/getCertificate';
  const cert = await ctx.get(path, { applicationId: 'REGISTRATION', referenceId: ctx.refId }, CertificateResponse, signal);
  const x509 = parseCertificate(path, cert.certificate);
  if (x509.publicKey.asymmetricKeyDetails?.modulusLength !== 2048) {
    // Thumbprint detection on the server works for RSA-2048 only (§2.2).
    throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint: path, reason: 'REGISTRATION certificate is not RSA-2048' });
  }
  const thumbprint = createHash('sha256').update(x509.raw).digest('hex');
  const changed = getCertificate(ctx.db, 'REGISTRATION', ctx.refId)?.thumbprint !== thumbprint;
  putCertificate(ctx.db, 'REGISTRATION', ctx.refId, { pem: cert.certificate, thumbprint, syncedAt: ctx.clock.now() });
  writeFileAtomic(join(ctx.dataDir, REGISTRATION_CERT_PATH), cert.certificate, 0o644);
  recordSyncSuccess(ctx.db, 'registrationCertificate', cert.timestamp ?? null, ctx.clock.now());
  return changed ? 1 : 0;
}
