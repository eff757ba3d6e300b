import { existsSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Role } from '../../../schemas/operators';
import { LATEST_SCHEMA_VERSION } from '../../services/db/migrations';
import { AuthService } from '../../services/auth/AuthService';
import { SettingsService } from '../../services/settings/SettingsService';
import { effectiveMachineName } from '../../services/sync/machineName';
import { countQuarantined, QUARANTINE_DIR } from '../../services/packets/leftoverCleanup';
import { DB_FILE, openDataDir } from '../../host/openDataDir';
import { UserId, LanguageCode } from '../../../schemas/operators';
import { AppError } from '../../../schemas/errors';
import type { CliCommand, CliContext } from '../CliCommand';
import { readPassword } from '../readPassword';
import { UsageError } from '../runCli';

type Status = 'ok' | 'warn' | 'fail';
interface Check {
  readonly name: string;
  readonly status: Status;
  readonly detail: string;
}

const LOW_DISK_BYTES = 2 * 1024 ** 3;

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${(n / 1024 ** 2).toFixed(0)} MiB`;
}

async function checkServer(url: string): Promise<Check> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return { name: 'server', status: 'ok', detail: `${url} answered HTTP ${res.status}` };
  } catch (err) {
    return { name: 'server', status: 'warn', detail: `${url} not reachable (${(err as Error).message}); packets wait in the outbox` };
  }
}

/** Startup cleanup moves packet files without a committed row there: one may be a registration whose receipt was shown. */
async function checkQuarantine(dir: string): Promise<Check> {
  const count = await countQuarantined(dir);
  return count === 0
    ? { name: 'quarantine', status: 'ok', detail: 'no packet files without a committed row' }
    : { name: 'quarantine', status: 'warn', detail: `${count} packet file(s) without a committed row kept in ${dir}: a receipt may name them; check their RIDs before deleting` };
}

async function runDoctor(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const checks: Check[] = [];
  checks.push({ name: 'data dir', status: 'ok', detail: ctx.dataDir });
  if (!existsSync(join(ctx.dataDir, DB_FILE))) {
    checks.push({ name: 'database', status: 'fail', detail: 'no database yet: start the app once (npm start) to create it' });
  } else {
    try {
      const data = openDataDir({ dataDir: ctx.dataDir, env: ctx.env });
      try {
        const version = data.db.pragma('user_version', { simple: true }) as number;
        checks.push({ name: 'database', status: 'ok', detail: `opens with its key, encrypted, schema version ${version} (app supports ${LATEST_SCHEMA_VERSION})` });
        checks.push({ name: 'machine key', status: 'ok', detail: `centre ${data.identity.centreId}, machine ${data.identity.machineId}, key index ${data.identity.keyIndex}` });
        // tpm/publickey/verify finds the machine by this name: it must be the one the administrator registered.
        const machineName = effectiveMachineName(new SettingsService({ db: data.db, audit: data.audit }).get().machineName);
        checks.push({ name: 'machine name', status: 'ok', detail: `${machineName.name} (from ${machineName.source}; change with sync --machine-name NAME)` });
        const audit = data.audit.verify();
        checks.push({
          name: 'audit log',
          status: audit.ok ? 'ok' : 'fail',
          detail: audit.ok ? `${audit.entries} entries, chain intact` : `broken at entry ${audit.problem!.seq}: ${audit.problem!.reason}`,
        });
      } finally {
        data.close();
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      checks.push({ name: 'database', status: 'fail', detail: `${err.code}: ${err.message} ${JSON.stringify(err.details)}` });
    }
  }
  checks.push(await checkQuarantine(join(ctx.dataDir, QUARANTINE_DIR)));
  const fs = statfsSync(existsSync(ctx.dataDir) ? ctx.dataDir : '.');
  const free = fs.bavail * fs.bsize;
  checks.push({ name: 'disk', status: free < LOW_DISK_BYTES ? 'warn' : 'ok', detail: `${formatBytes(free)} free` });
  checks.push(ctx.serverUrl ? await checkServer(ctx.serverUrl) : { name: 'server', status: 'warn', detail: 'no server configured (--server or REGCLIENT_SERVER_URL)' });

  if (values.json) ctx.stdout.write(`${JSON.stringify({ checks }, null, 2)}\n`);
  else for (const c of checks) ctx.stdout.write(`${c.status.toUpperCase().padEnd(4)}  ${c.name.padEnd(12)} ${c.detail}\n`);
  return checks.some((c) => c.status === 'fail') ? 1 : 0;
}

async function runAuditVerify(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const data = openDataDir({ dataDir: ctx.dataDir, env: ctx.env });
  try {
    const result = data.audit.verify();
    if (values.json) ctx.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.ok) ctx.stdout.write(`audit log OK: ${result.entries} entries, hash chain intact\n`);
    else ctx.stdout.write(`audit log BROKEN at entry ${result.problem!.seq}: ${result.problem!.reason} (${result.entries} entries verified before it)\n`);
    return result.ok ? 0 : 1;
  } finally {
    data.close();
  }
}

async function runOperatorsAdd(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      language: { type: 'string', default: 'por' },
    },
    strict: true,
  });
  const userId = UserId.safeParse(values.user);
  if (!userId.success) throw new UsageError(`--user: ${userId.error.issues[0]?.message ?? 'invalid'}`);
  if (!values.name) throw new UsageError('--name is required');
  const roles = Role.array().min(1).safeParse(values.role ?? []);
  if (!roles.success) throw new UsageError(`--role: one or more of ${Role.options.join(', ')}`);
  const language = LanguageCode.safeParse(values.language);
  if (!language.success) throw new UsageError(`--language: one of ${LanguageCode.options.join(', ')}`);
  const password = await readPassword(ctx, `Password for ${userId.data}: `);
  if (password.length < 8) throw new UsageError('the password must be at least 8 characters');
  const data = openDataDir({ dataDir: ctx.dataDir, env: ctx.env });
  try {
    const auth = new AuthService({ db: data.db, audit: data.audit, clock: data.clock });
    await auth.createOperator({ userId: userId.data, name: values.name, roles: roles.data, password, language: language.data }, 'cli');
    ctx.stdout.write(`operator ${userId.data} created with roles ${roles.data.join(', ')}\n`);
    return 0;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new UsageError(`operator ${userId.data} already exists`);
    throw err;
  } finally {
    data.close();
  }
}

export const coreCommands: CliCommand[] = [
  {
    words: ['doctor'],
    summary: 'check the data dir, database, keys, audit log, disk space and server',
    usage: '  --json   machine-readable output',
    run: runDoctor,
  },
  {
    words: ['audit', 'verify'],
    summary: 'verify the audit log hash chain (detects edited or deleted entries)',
    usage: '  --json   machine-readable output',
    run: runAuditVerify,
  },
  {
    words: ['operators', 'add'],
    summary: 'create a local operator (password from REGCLIENT_PASSWORD or a prompt)',
    usage: '  --user ID  --name NAME  --role ROLE (repeatable: REGISTRATION_OFFICER, REGISTRATION_SUPERVISOR, Default)  [--language por|eng|fra|ara]',
    run: runOperatorsAdd,
  },
];
