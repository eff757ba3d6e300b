import type { KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { OpenCrvsActionClaims, type OpenCrvsAction } from '../../../schemas/crvsBridge';
import { AppError } from '../../../schemas/errors';

/**
 * Checks the bearer token OpenCRVS v2 sends with an event: its action-confirmation token, RS256,
 * signed by OpenCRVS's auth service (opencrvs-core `createTokenForActionConfirmation`), as
 * OpenCRVS's own mediator checks it (opencrvs/mosip `packages/mosip-api/src/index.ts`:
 * `@fastify/jwt`, RS256, the core's public key). Its `eventId` and `actionId` claims are what the
 * accept call must name. `now` is the bridge's clock (expiry is checked against it).
 * @throws AppError ERR_CRVS_WEBHOOK_UNAUTHORIZED (reason: missing, invalid)
 */
export async function verifyActionToken(header: string | undefined, publicKey: KeyObject, now: number): Promise<OpenCrvsAction> {
  const match = header === undefined ? null : /^Bearer (\S{1,8192})$/.exec(header);
  if (!match) throw new AppError('ERR_CRVS_WEBHOOK_UNAUTHORIZED', { reason: 'missing' });
  const token = match[1]!;
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'], currentDate: new Date(now) }));
  } catch {
    // expired, another key, another algorithm, not a JWT: the same answer, nothing more told
    throw new AppError('ERR_CRVS_WEBHOOK_UNAUTHORIZED', { reason: 'invalid' });
  }
  const claims = OpenCrvsActionClaims.safeParse(payload);
  if (!claims.success) throw new AppError('ERR_CRVS_WEBHOOK_UNAUTHORIZED', { reason: 'invalid' });
  return { eventId: claims.data.eventId, actionId: claims.data.actionId, token };
}
