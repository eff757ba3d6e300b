import { parseArgs } from 'node:util';
import { Role } from '../../../schemas/operators';
import { AuthService } from '../../services/auth/AuthService';
import { openCliDataDir, withCliDataDir } from '../cliDataDir';
import { doctorCommand } from './doctor';
import { UserId, LanguageCode } from '../../../schemas/operators';
import type { CliCommand, CliContext } from '../CliCommand';
import { readNewPassword } from '../readPassword';
import { UsageError } from '../runCli';
import { EXIT } from '../exitCodes';

async function runAuditVerify(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const result = await withCliDataDir(ctx, (data) => data.audit.verify());
  if (values.json) ctx.stdout.write(`${JSON.stringify(result)}\n`);
  else if (result.ok) ctx.stdout.write(`audit log OK: ${result.entries} entries, hash chain intact\n`);
  else ctx.stdout.write(`audit log BROKEN at entry ${result.problem!.seq}: ${result.problem!.reason} (${result.entries} entries verified before it)\n`);
  return result.ok ? EXIT.OK : EXIT.FAILED;
}

async function runOperatorsAdd(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      language: { type: 'string', default: 'por' },
      json: { type: 'boolean', default: false },
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
  // asked (twice) and checked against the password policy before the data dir is touched
  const password = await readNewPassword(ctx, userId.data);
  // the first operator is part of setting a machine up: this command may create the data dir
  const data = openCliDataDir(ctx, { create: true });
  try {
    const auth = new AuthService({ db: data.db, audit: data.audit, clock: data.clock });
    await auth.createOperator({ userId: userId.data, name: values.name, roles: roles.data, password, language: language.data }, 'cli');
    ctx.stdout.write(values.json ? `${JSON.stringify({ userId: userId.data, roles: roles.data, created: true })}\n` : `operator ${userId.data} created with roles ${roles.data.join(', ')}\n`);
    return EXIT.OK;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new UsageError(`operator ${userId.data} already exists`);
    throw err;
  } finally {
    data.close();
  }
}

export const coreCommands: CliCommand[] = [
  doctorCommand,
  {
    words: ['audit', 'verify'],
    summary: 'verify the audit log hash chain (detects edited or deleted entries)',
    usage: '  --json   machine-readable output',
    run: runAuditVerify,
  },
  {
    words: ['operators', 'add'],
    summary: 'create a local operator (password from REGCLIENT_PASSWORD or a prompt)',
    usage: '  --user ID  --name NAME  --role ROLE (repeatable: REGISTRATION_OFFICER, REGISTRATION_SUPERVISOR, Default)  [--language por|eng|fra|ara]  [--json]\n  password: REGCLIENT_PASSWORD or typed twice; at least 10 characters, not common, not containing the user id',
    run: runOperatorsAdd,
  },
];
