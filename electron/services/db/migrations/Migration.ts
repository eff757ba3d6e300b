import type { DB } from '../Database';

/** One schema step. Versions go up in tens so a hotfix can slot in between. Never edit a shipped one. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: DB): void;
}
