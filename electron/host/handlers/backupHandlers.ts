import type { backupApi } from '../../../schemas/api/backupApi';
import type { BackupService } from '../../services/backup/BackupService';
import type { AreaHandlers } from './createHandlers';

export function backupHandlers(deps: { backup: BackupService }): AreaHandlers<typeof backupApi> {
  return {
    'backup.status': async () => deps.backup.status(),
    'backup.configure': async (input, ctx) => deps.backup.configure(input, ctx.session.userId),
    'backup.runNow': async (_input, ctx) => deps.backup.runNow(ctx.session.userId),
  };
}
