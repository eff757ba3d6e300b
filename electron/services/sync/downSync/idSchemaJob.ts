import { AppError } from '../../../../schemas/errors';
import { IdSchemaResponse } from '../../../../schemas/mosipSync';
import { putIdSchema } from '../../db/repos/idSchemas';
import { recordSyncSuccess } from '../../db/repos/syncControl';
import type { DownSyncContext } from './DownSyncContext';

/** latestidschema: the schema JSON must itself parse; the whole response is kept for UI specs. */
export async function syncIdSchema(ctx: DownSyncContext, signal?: AbortSignal): Promise<number> {
  const path = '/v1/syncdata/latestidschema';
  const res = await ctx.get(path, { schemaVersion: '0' }, IdSchemaResponse, signal);
  try {
    JSON.parse(res.schemaJson);
  } catch (cause) {
    throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint: path, reason: 'schemaJson is not JSON' }, { cause });
  }
  putIdSchema(ctx.db, { idVersion: res.idVersion, schemaJson: res.schemaJson, responseJson: JSON.stringify(res), effectiveFrom: res.effectiveFrom ?? undefined }, ctx.clock.now());
  recordSyncSuccess(ctx.db, 'idSchema', null, ctx.clock.now());
  return 1;
}
