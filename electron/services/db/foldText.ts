import type { DB } from './Database';

/** Lower case without accents: operators type "Conceicao" for "Conceição". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
}

/** The SQL name of {@link foldText}, for queries that search names in the database. */
export const FOLD_SQL_FUNCTION = 'regclient_fold';

const registered = new WeakSet<DB>();

/**
 * Makes {@link foldText} callable from SQL on this connection, once. SQLite's own lower() folds
 * ASCII only, so a name search in SQL (paged, with a total) needs the same fold the page used.
 */
export function useFoldFunction(db: DB): void {
  if (registered.has(db)) return;
  db.function(FOLD_SQL_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : null));
  registered.add(db);
}
