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
 * The key a synced row is stored under, so a delta replaces the same row: the entity's key fields,
 * else `id`, else `code`, else a hash of the whole row (rows with no key are only ever added).
 */
export function masterDataRowKey(entity: string, row: MasterDataRow): string {
  const fields = KEY_FIELDS[entity] ?? (row['id'] !== undefined ? ['id'] : row['code'] !== undefined ? ['code'] : undefined);
  if (fields) return fields.map((f) => String(row[f] ?? '')).join('|');
  return createHash('sha256').update(JSON.stringify(row)).digest('hex');
}
