import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import type { FormBundleService } from '../FormBundleService';
import type { DraftService } from './DraftService';

/** What every service that fills a draft's fields needs: the database, the audit log, the clock, the draft and its form bundle. */
export interface DraftWorkDeps {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly drafts: DraftService;
  readonly bundles: FormBundleService;
}
