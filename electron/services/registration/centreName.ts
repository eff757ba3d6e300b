import type { DB } from '../db/Database';
import { listMasterData } from '../db/repos/masterData';

/**
 * The registration centre's name from synced `RegistrationCenter` master data, in `langCode` if the
 * server sent it in that language, else in another it sent (in language-code order); the id when nothing was synced
 * (a machine not yet synced still prints a usable receipt).
 */
export function centreName(db: DB, centreId: string, langCode: string): string {
  const rows = listMasterData(db, 'RegistrationCenter').filter((r) => r.isActive && String(r.data['id']) === centreId && typeof r.data['name'] === 'string');
  const row = rows.find((r) => r.langCode === langCode) ?? rows[0];
  return row ? String(row.data['name']) : centreId;
}
