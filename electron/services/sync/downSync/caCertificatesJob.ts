import { createHash } from 'node:crypto';
import { CaCertificatesResponse } from '../../../../schemas/mosipSync';
import { applyCaCertificates } from '../../db/repos/syncCertificates';
import { getSyncControl, recordSyncSuccess } from '../../db/repos/syncControl';
import { parseCertificate } from '../parseCertificate';
import type { DeltaOptions, DownSyncContext } from './DownSyncContext';

/** getcacertificates: partner/device CA certificates for the device trust store (delta by lastupdated). */
export async function syncCaCertificates(ctx: DownSyncContext, options: DeltaOptions = {}): Promise<number> {
  const path = '/v1/syncdata/getcacertificates';
  const since = options.full ? undefined : getSyncControl(ctx.db, 'caCertificates')?.serverTime;
  const res = await ctx.get(path, { lastupdated: since }, CaCertificatesResponse, options.signal);
  const certs = res.certificateDTOList.map((c) => {
    const x509 = parseCertificate(path, c.certData);
    return {
      certId: c.certId,
      partnerDomain: c.partnerDomain ?? undefined,
      pem: c.certData,
      thumbprint: createHash('sha256').update(x509.raw).digest('hex'),
      notAfter: c.certNotAfter ?? x509.validTo,
      deleted: c.isDeleted === true,
    };
  });
  const change = applyCaCertificates(ctx.db, certs, ctx.clock.now());
  recordSyncSuccess(ctx.db, 'caCertificates', res.lastSyncTime ?? null, ctx.clock.now());
  return change.upserted + change.removed;
}
