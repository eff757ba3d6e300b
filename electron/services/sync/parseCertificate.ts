import { X509Certificate } from 'node:crypto';
import { AppError } from '../../../schemas/errors';

/** A server's PEM as X.509, or ERR_SYNC_BAD_RESPONSE naming the endpoint. */
export function parseCertificate(endpoint: string, pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (cause) {
    throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint, reason: 'certificate is not a valid X.509 PEM' }, { cause });
  }
}
