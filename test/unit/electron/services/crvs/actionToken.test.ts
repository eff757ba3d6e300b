import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { verifyActionToken } from '../../../../../electron/services/crvs/actionToken';
import { rejectsWithCode } from '../../../../helpers/assertAppError';

const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);
const opencrvs = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A token as OpenCRVS's auth service signs one (RS256, eventId / actionId claims, 7 days). */
function token(claims: Record<string, unknown>, o: { key?: KeyObject; alg?: string; iat?: number; ttl?: number } = {}): Promise<string> {
  const iat = Math.floor((o.iat ?? NOW) / 1000);
  return new SignJWT(claims).setProtectedHeader({ alg: o.alg ?? 'RS256' }).setIssuedAt(iat).setExpirationTime(iat + (o.ttl ?? 604_800)).setIssuer('opencrvs:auth-service').sign(o.key ?? opencrvs.privateKey);
}
const CLAIMS = { eventId: '7d0c1f1e-9b7a-4a7e-8f57-3c1d2b6a9e10', actionId: 'c1b2a3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', scope: ['type=record.confirm-registration'] };

describe('verifyActionToken (OpenCRVS v2 action-confirmation token on the webhook)', () => {
  it('returns the action ids and the token itself for the confirm call', async () => {
    const t = await token(CLAIMS);
    assert.deepEqual(await verifyActionToken(`Bearer ${t}`, opencrvs.publicKey, NOW), { eventId: CLAIMS.eventId, actionId: CLAIMS.actionId, token: t });
  });
  it('refuses a missing header, another key, another algorithm, an expired token (by the injected clock) and missing claims', async () => {
    await rejectsWithCode(verifyActionToken(undefined, opencrvs.publicKey, NOW), 'ERR_CRVS_WEBHOOK_UNAUTHORIZED', { reason: 'missing' });
    await rejectsWithCode(verifyActionToken('Basic abc', opencrvs.publicKey, NOW), 'ERR_CRVS_WEBHOOK_UNAUTHORIZED', { reason: 'missing' });
    const cases: [string, Promise<string>, number][] = [
      ['another key', token(CLAIMS, { key: stranger.privateKey }), NOW],
      ['HS256 with the public key as secret', new SignJWT(CLAIMS).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('secret')), NOW],
      ['expired: 8 days later', token(CLAIMS), NOW + 8 * 86_400_000],
      ['no actionId', token({ eventId: CLAIMS.eventId }), NOW],
      ['an actionId that is not a string', token({ ...CLAIMS, actionId: 7 }), NOW],
    ];
    for (const [what, t, now] of cases) {
      const err = await rejectsWithCode(verifyActionToken(`Bearer ${await t}`, opencrvs.publicKey, now), 'ERR_CRVS_WEBHOOK_UNAUTHORIZED');
      assert.deepEqual(err.details, { reason: 'invalid' }, what);
    }
  });
});
