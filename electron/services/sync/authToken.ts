import { createSign } from 'node:crypto';
import type { TokenBundle } from '../../../schemas/mosipSync';
import type { MachineKey } from '../../../native/keystore/machineKeyStore';
import { formatMosipTime } from './mosipTime';

/**
 * The signed login request of syncdata `authenticate/useridpwd` (AuthTokenUtilService, §4.1 a):
 * `b64url({"kid":…}).b64url(payload).b64url(SHA256withRSA(payload bytes))` — the signature covers
 * the payload bytes only, not `header.payload` as a JWS would.
 */
export function buildUserIdPwdRequest(machineKey: MachineKey, userId: string, password: string, now: number): string {
  return signAuthPayload(machineKey, { userId, password, authType: 'NEW', timestamp: formatMosipTime(now) });
}

/** The same signed form with authType REFRESH (AuthTokenUtilService refresh). */
export function buildRefreshRequest(machineKey: MachineKey, refreshToken: string, now: number): string {
  return signAuthPayload(machineKey, { refreshToken, authType: 'REFRESH', timestamp: formatMosipTime(now) });
}

function signAuthPayload(machineKey: MachineKey, body: Readonly<Record<string, string>>): string {
  const header = Buffer.from(JSON.stringify({ kid: machineKey.keyIndex }), 'utf8');
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const signature = createSign('sha256').update(payload).sign(machineKey.privateKey);
  return [header, payload, signature].map((b) => b.toString('base64url')).join('.');
}

/**
 * Reads the claims of the session JWT without verifying it: it arrived encrypted to this machine's
 * key, and the server verifies it on every call. Only roles and expiry are used, for display.
 */
export function readTokenClaims(token: string): { roles: string[]; exp: number | undefined } {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      realm_access?: { roles?: unknown };
      exp?: unknown;
    };
    const roles = Array.isArray(claims.realm_access?.roles) ? claims.realm_access.roles.filter((r): r is string => typeof r === 'string') : [];
    return { roles, exp: typeof claims.exp === 'number' ? claims.exp : undefined };
  } catch {
    return { roles: [], exp: undefined };
  }
}

/**
 * When the session and refresh tokens run out, in epoch ms. MOSIP's lifetimes are seconds from now
 * (Keycloak `expires_in`), added to the time of the answer as registration-client's
 * AuthTokenUtilService.refreshAuthToken does (`currentTimeInSeconds + expiryTime`).
 */
export function tokenExpiries(bundle: Pick<TokenBundle, 'expiryTime' | 'refreshExpiryTime'>, now: number): { expiresAt: number; refreshExpiresAt?: number } {
  const expiresAt = now + bundle.expiryTime * 1000;
  return bundle.refreshExpiryTime === undefined ? { expiresAt } : { expiresAt, refreshExpiresAt: now + bundle.refreshExpiryTime * 1000 };
}
