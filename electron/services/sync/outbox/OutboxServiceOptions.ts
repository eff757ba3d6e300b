import type { OutboxItem, SyncProgress } from '../../../../schemas/outbox';
import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import type { BackoffOptions } from '../backoff';
import type { RegProcClient } from '../RegProcClient';
import type { CrvsOnlineDelivery } from '../crvsOnline/CrvsOnlineDelivery';

/** The registration-processor calls the outbox makes (RegProcClient; a fake in unit tests). */
export type OutboxServer = Pick<RegProcClient, 'syncPackets' | 'uploadPacket' | 'searchStatus'>;

export interface OutboxServiceOptions {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** in [0, 1): the jitter source of the backoff */
  readonly random: () => number;
  /** `<dataDir>/packets` */
  readonly packetsDir: string;
  readonly server: OutboxServer;
  /** renews the server session after a 401 (refresh token, else a stored login); throws when it cannot */
  readonly reauth: () => Promise<void>;
  /** online delivery of civil-registration packets (settings civilRegistration); absent: every packet goes by RID sync + upload */
  readonly crvsOnline?: Pick<CrvsOnlineDelivery, 'handles' | 'deliver'>;
  readonly backoff?: BackoffOptions;
  /** uploads in flight at once (1 or 2; default 2, the brief's and the server's comfort) */
  readonly maxConcurrentUploads?: number;
  /** records per syncV2 call (Java client: 10) */
  readonly ridSyncBatchSize?: number;
  /** `langCode` of the RID sync (3 letters) */
  readonly langCode?: string;
  /** re-authentications allowed in one run before it stops and asks for a login */
  readonly maxReauthPerRun?: number;
  /** how often `drain` looks again while another runner (the app or the CLI) holds the outbox; default 5 s */
  readonly busyPollMs?: number;
  readonly onDidChange?: (item: OutboxItem) => void;
  readonly onDidProgress?: (progress: SyncProgress) => void;
}
