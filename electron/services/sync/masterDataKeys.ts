import { createHash } from 'node:crypto';
import type { MasterDataRow } from '../../../schemas/mosipSync';

/** Natural keys of MOSIP master-data entities whose key is not simply `id` or `code`. */
const KEY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ReasonList: ['code', 'rsnCatCode'],
  ValidDocument: ['docTypeCode', 'docCategoryCode'],
  ApplicantValidDocument: ['appTypeCode', 'docTypeCode', 'docCatCode'],
  LocationHierarchy: ['hierarchyLevel'],
  ScreenAuthorization: ['screenId', 'roleCode'],
  AppAuthenticationMethod: ['appId', 'processId', 'roleCode', 'authMethodCode'],
  AppRolePriority: ['appId', 'processId', 'roleCode'],
};

/**
 * Where dynamic-field rows are kept. MOSIP sends one `entityType: "dynamic"` entity per field,
 * named after it (`gender`, `residenceStatus`, …; syncdata `SyncMasterDataServiceHelper`); like
 * the 1.2 client's single REG.DYNAMIC_FIELD table, they are stored together under this name.
 */
export const DYNAMIC_FIELD_ENTITY = 'DynamicField';

/**
 * The key a synced row is stored under, so a delta replaces the same row: the entity's key fields,
 * else `id`, else `code`, else a hash of the whole row (rows with no key are only ever added).
 */
export function masterDataRowKey(entity: string, row: MasterDataRow): string {
  // a DynamicFieldDto has an id; a per-value row (`{name, code, value}`) is keyed by field and code
  if (entity === DYNAMIC_FIELD_ENTITY && row['id'] === undefined && row['name'] !== undefined && row['code'] !== undefined) return `${String(row['name'])}|${String(row['code'])}`;
  const fields = KEY_FIELDS[entity] ?? (row['id'] !== undefined ? ['id'] : row['code'] !== undefined ? ['code'] : undefined);
  if (fields) return fields.map((f) => String(row[f] ?? '')).join('|');
  return createHash('sha256').update(JSON.stringify(row)).digest('hex');
}
