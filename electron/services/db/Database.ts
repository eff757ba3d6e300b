import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** The one connection type used by repositories. Only the db layer constructs it. */
export type DB = BetterSqlite3.Database;
export { BetterSqlite3 };
