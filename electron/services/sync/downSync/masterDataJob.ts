import type { z } from 'zod';
import { ClientSettingsResponse, type ClientSettingsEntity } from '../../../../schemas/mosipSync';
import { applyMasterDataRows } from '../../db/repos/masterData';
import { getSyncControl, recordSyncSuccess } from '../../db/repos/syncControl';
import { masterDataRowKey } from '../masterDataKeys';
import { DEFAULT_MAX_ENTITY_BYTES, entityBatch, type UrlEntityRows } from '../urlEntities';
import type { DeltaOptions, DownSyncContext } from './DownSyncContext';

/** v2/clientsettings: full on first run (or `full`), else the delta since the last success. */
export async function syncMasterData(ctx: DownSyncContext, options: DeltaOptions = {}): Promise<number> {
  const path = '/v1/syncdata/v2/clientsettings';
  const since = options.full ? undefined : getSyncControl(ctx.db, 'masterData')?.serverTime;
  const res = await ctx.get(path, { keyindex: ctx.machineKey.keyIndex, regcenterId: ctx.centreId, lastUpdated: since }, ClientSettingsResponse, options.signal);
  const now = ctx.clock.now();
  let changed = 0;
  for (const entity of res.dataToSync) {
    const batch = await masterDataBatch(ctx, entity, options.signal);
    if (!batch) continue;
    const rows = batch.rows.map((row) => ({ rowKey: masterDataRowKey(batch.stored, row), langCode: typeof row['langCode'] === 'string' ? row['langCode'] : '', isActive: row['isActive'] !== false, deleted: row['isDeleted'] === true, data: row }));
    const result = applyMasterDataRows(ctx.db, batch.stored, rows, now);
    changed += result.upserted + result.removed;
  }
  recordSyncSuccess(ctx.db, 'masterData', res.lastSyncTime, now);
  return changed;
}

/** One clientsettings entity as rows: inline ones decrypted, `*-url` ones downloaded and verified (urlEntities.ts). */
async function masterDataBatch(ctx: DownSyncContext, entity: z.infer<typeof ClientSettingsEntity>, signal?: AbortSignal): Promise<UrlEntityRows | undefined> {
  const batchCtx = { http: ctx.http, serverUrl: ctx.serverUrl, keyIndex: ctx.machineKey.keyIndex, machinePrivateKey: ctx.machineKey.privateKey, signKey: ctx.signKey(), maxBytes: ctx.maxEntityBytes ?? DEFAULT_MAX_ENTITY_BYTES, extraQuery: ctx.version(), signal };
  return ctx.authed(() => entityBatch(batchCtx, entity));
}
