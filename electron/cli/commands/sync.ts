import { parseArgs } from 'node:util';
import { AppError } from '../../../schemas/errors';
import { openDataDir } from '../../host/openDataDir';
import { MosipSyncService } from '../../services/sync/MosipSyncService';
import type { CliCommand, CliContext } from '../CliCommand';
import { readPassword } from '../readPassword';
import { UsageError } from '../runCli';

/**
 * `regclient sync --user <id> [--initial|--full] [--json]`: online login, then every down-sync job
 * (certificates, master data, configs, user details, ID schema, CA certificates).
 */
async function runSync(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      initial: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!ctx.serverUrl) throw new AppError('ERR_SYNC_NOT_CONFIGURED', { what: 'server address (--server)' });
  if (!values.user) throw new UsageError('--user <operator id> is required: the server session belongs to an operator');
  const password = await readPassword(ctx, `password for ${values.user}: `);
  const data = openDataDir({ dataDir: ctx.dataDir, env: ctx.env });
  try {
    const service = new MosipSyncService({
      db: data.db,
      clock: data.clock,
      machineKey: data.machineKey,
      centreId: data.identity.centreId,
      machineId: data.identity.machineId,
      serverUrl: ctx.serverUrl,
      dataDir: data.dataDir,
      audit: data.audit,
    });
    if (values.initial) await service.verifyMachine();
    await service.login(values.user, password);
    const summary = await service.downSync({ full: values.full || values.initial });
    if (values.json) ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      for (const job of summary.jobs) {
        ctx.stdout.write(`${job.ok ? 'OK  ' : 'FAIL'}  ${job.job.padEnd(24)} ${job.ok ? `${job.changed} changed` : `${job.error!.code} (${job.error!.retry})`}\n`);
      }
    }
    return summary.jobs.every((j) => j.ok) ? 0 : 1;
  } finally {
    data.close();
  }
}

export const syncCommands: CliCommand[] = [
  {
    words: ['sync'],
    summary: 'log in to the MOSIP server and download certificates, master data, configs, users and the ID schema',
    usage: '--user <id>  operator to log in as (password from REGCLIENT_PASSWORD or a prompt)\n--initial    first sync: check the machine key, then download everything\n--full       ignore the last sync time and download everything\n--json       print the summary as JSON',
    run: runSync,
  },
];
