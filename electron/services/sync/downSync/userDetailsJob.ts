import { z } from 'zod';
import { SyncedUser, UserDetailsResponse } from '../../../../schemas/mosipSync';
import { recordSyncSuccess } from '../../db/repos/syncControl';
import { applySyncedOperators } from '../../db/repos/syncedOperators';
import { decryptClientCryptoJson } from '../clientCrypto';
import { parseOrThrow } from '../MosipHttpClient';
import type { DownSyncContext } from './DownSyncContext';

/** v2/userdetails: operators of this centre and their roles; passwords are never touched. */
export async function syncUserDetails(ctx: DownSyncContext, signal?: AbortSignal): Promise<number> {
  const path = '/v1/syncdata/v2/userdetails';
  const res = await ctx.get(path, { keyindex: ctx.machineKey.keyIndex }, UserDetailsResponse, signal);
  const users = parseOrThrow(path, z.array(SyncedUser), decryptClientCryptoJson(ctx.machineKey.privateKey, res.userDetails, 'user details'));
  const mine = users.filter((u) => !u.regCenterId || u.regCenterId === ctx.centreId);
  const change = applySyncedOperators(
    ctx.db,
    mine.map((u) => ({ userId: u.userId, name: u.name ?? undefined, langCode: u.langCode ?? undefined, isActive: u.isActive, regCenterId: u.regCenterId ?? undefined, roles: u.roles ?? undefined })),
    ctx.clock.now(),
  );
  recordSyncSuccess(ctx.db, 'userDetails', res.lastSyncTime ?? null, ctx.clock.now());
  return change.inserted + change.updated + change.deactivated;
}
