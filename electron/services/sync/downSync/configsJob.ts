import { ConfigProperties, ConfigsResponse } from '../../../../schemas/mosipSync';
import { replaceConfig } from '../../db/repos/syncConfig';
import { recordSyncSuccess } from '../../db/repos/syncControl';
import { decryptClientCryptoJson } from '../clientCrypto';
import { parseOrThrow } from '../MosipHttpClient';
import type { DownSyncContext } from './DownSyncContext';

/** configs/{keyIndex}: global and registration properties, each encrypted to the machine key. */
export async function syncConfigs(ctx: DownSyncContext, signal?: AbortSignal): Promise<number> {
  const path = `/v1/syncdata/configs/${encodeURIComponent(ctx.machineKey.keyIndex)}`;
  const res = await ctx.get(path, {}, ConfigsResponse, signal);
  const now = ctx.clock.now();
  let changed = 0;
  for (const [scope, data] of [
    ['global', res.configDetail.globalConfiguration],
    ['registration', res.configDetail.registrationConfiguration],
  ] as const) {
    if (!data) continue;
    const props = parseOrThrow(path, ConfigProperties, decryptClientCryptoJson(ctx.machineKey.privateKey, data, `${scope} configuration`));
    changed += replaceConfig(ctx.db, scope, Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === null ? '' : String(v)])), now);
  }
  recordSyncSuccess(ctx.db, 'configs', null, now);
  return changed;
}
