import type { ScheduledJob } from '../../../schemas/outbox';
import type { DB } from '../db/Database';
import { listMasterData } from '../db/repos/masterData';

/**
 * MOSIP's job of each of ours, by `sync_job_def.ID` (admin-services db_scripts
 * mosip_master/dml/master-sync_job_def.csv): the master-data sync leads the down-sync, the packet
 * upload job the outbox, the packet status reader the status poll, packet deletion the retention.
 */
export const MOSIP_JOB_IDS: Readonly<Record<ScheduledJob, string>> = {
  downSync: 'MDS_J00001',
  outbox: 'PUJ_J00017',
  statusPoll: 'RPS_J00006',
  retention: 'RDJ_J00010',
};

export interface ServerJobSchedule {
  readonly job: ScheduledJob;
  /** `SYNC_FREQ`: a Quartz cron expression, not yet checked */
  readonly cron: string;
  readonly active: boolean;
}

/** The server's schedule for our jobs, from the synced `SyncJobDef` master data (v2/clientsettings). */
export function serverJobSchedules(db: DB): ServerJobSchedule[] {
  const rows = listMasterData(db, 'SyncJobDef');
  const out: ServerJobSchedule[] = [];
  for (const [job, id] of Object.entries(MOSIP_JOB_IDS) as [ScheduledJob, string][]) {
    const row = rows.find((r) => r.data['id'] === id)?.data;
    if (row && typeof row['syncFreq'] === 'string' && row['syncFreq'].trim() !== '') {
      out.push({ job, cron: row['syncFreq'], active: row['isActive'] !== false && row['isDeleted'] !== true });
    }
  }
  return out;
}
