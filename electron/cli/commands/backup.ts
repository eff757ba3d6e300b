import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../schemas/errors';
import type { BackupResult, RestoreResult } from '../../../schemas/backup';
import { systemClock } from '../../../native/time/Clock';
import { chooseWrapper } from '../../host/chooseWrapper';
import { KEY_DIR, PACKETS_DIR } from '../../host/openDataDir';
import { checkBackupPassphrase, deriveBackupSecret } from '../../services/backup/backupSecret';
import { readDataDirKeys } from '../../host/dataDirKeys';
import { checkRestoreTarget, restoreBackup } from '../../host/restoreBackup';
import { writeBackup } from '../../services/backup/writeBackup';
import { openCliDataDir } from '../cliDataDir';
import { cliVersion } from '../cliVersion';
import type { CliCommand, CliContext } from '../CliCommand';
import { EXIT } from '../exitCodes';
import { promptHidden, readPassword } from '../readPassword';
import { UsageError } from '../runCli';

/** Scripts and tests give the passphrase here; a person types it (twice for a new backup). */
export const BACKUP_PASSPHRASE_ENV = 'REGCLIENT_BACKUP_PASSPHRASE';

/**
 * The backup passphrase: from the environment, or typed on the terminal; a new one is checked
 * against the rule before it is asked again, and must be typed the same twice.
 * @throws AppError ERR_BACKUP_PASSPHRASE_WEAK, ERR_BACKUP_PASSPHRASES_DIFFER
 */
async function readPassphrase(ctx: CliContext, isNew: boolean): Promise<string> {
  const fromEnv = ctx.env[BACKUP_PASSPHRASE_ENV];
  const input = ctx.stdin ?? process.stdin;
  const passphrase = fromEnv || (await promptHidden(input, ctx.stderr, 'Backup passphrase: '));
  if (!isNew) return passphrase;
  checkBackupPassphrase(passphrase);
  if (fromEnv) return passphrase;
  if ((await promptHidden(input, ctx.stderr, 'Backup passphrase again: ')) !== passphrase) throw new AppError('ERR_BACKUP_PASSPHRASES_DIFFER', {});
  return passphrase;
}

/** `--to DIR`: an existing folder (a second disk or a USB stick is mounted, never created here). */
function existingFolder(option: string, value: string): string {
  const path = resolve(value);
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (cause) {
    throw new AppError('ERR_CLI_FILE_MISSING', { option, path }, { cause });
  }
  if (!isDir) throw new AppError('ERR_CLI_WRONG_FILE_KIND', { option, path, expected: 'folder' });
  return path;
}

async function runBackup(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  if (!values.to) throw new UsageError('--to DIR is required: an existing folder on another disk or a USB stick');
  const toDir = existingFolder('--to', values.to);
  const passphrase = await readPassphrase(ctx, true);
  const data = openCliDataDir(ctx);
  let result: BackupResult;
  try {
    const keys = readDataDirKeys(data.dataDir, chooseWrapper(join(data.dataDir, KEY_DIR), ctx.env));
    const secret = await deriveBackupSecret(passphrase);
    try {
      result = await writeBackup({ db: data.db, dataDir: data.dataDir, packetsDir: join(data.dataDir, PACKETS_DIR), keys, secret, identity: data.identity, clock: data.clock, appVersion: cliVersion(), toDir });
    } catch (err) {
      data.audit.append('BACKUP_FAILED', 'cli', { dir: toDir, code: (err as { code?: string }).code ?? 'ERR_INTERNAL', scheduled: false });
      throw err;
    }
    data.audit.append('BACKUP_WRITTEN', 'cli', { dir: result.dir, packets: result.packets, auditSeq: result.auditHead.seq, scheduled: false });
  } finally {
    data.close();
  }
  ctx.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `backup written: ${result.dir}\n  ${result.packets} packet(s), ${result.bytes} bytes, audit entry ${result.auditHead.seq}\n${result.missingPackets.map((f) => `  NOT in the backup (already missing on this machine): ${f}\n`).join('')}`);
  return EXIT.OK;
}

async function runRestore(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  if (!values.from) throw new UsageError('--from DIR is required: the backup folder (regclient-backup-…)');
  if (!values.user) throw new UsageError('--user <supervisor id> is required: a supervisor of the backed-up machine authorises the restore');
  const from = existingFolder('--from', values.from);
  // refused before anything is typed: a restore never overwrites data
  checkRestoreTarget(ctx.dataDir);
  const passphrase = await readPassphrase(ctx, false);
  const password = await readPassword(ctx, `Password for ${values.user}: `);
  const result: RestoreResult = await restoreBackup({ from, dataDir: ctx.dataDir, passphrase, userId: values.user, password, env: ctx.env, clock: systemClock });
  ctx.stdout.write(
    values.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : `restored into ${result.dataDir}\n  ${result.packets} packet(s), audit chain of ${result.auditEntries} entries verified, authorised by ${result.restoredBy}\n  next: regclient sync --eod --user ID sends what the server does not have yet\n`,
  );
  return EXIT.OK;
}

export const backupCommands: CliCommand[] = [
  {
    words: ['backup'],
    summary: 'write an encrypted backup (database, packets, keys sealed by a passphrase) into a new folder inside DIR',
    usage: [
      '--to DIR   an existing folder (a second disk or a USB stick); the backup is DIR/regclient-backup-<machine>-<time>',
      '--json     print {dir, createdAt, packets, bytes, auditHead, missingPackets} as JSON',
      `passphrase: ${BACKUP_PASSPHRASE_ENV} or typed twice; at least 12 characters. Without it the folder decrypts nothing.`,
    ].join('\n'),
    run: runBackup,
  },
  {
    words: ['restore'],
    summary: 'restore a backup into a new, empty data folder (--data-dir), authorised by a supervisor of the backed-up machine',
    usage: [
      '--from DIR  the backup folder (regclient-backup-…)',
      '--user ID   a REGISTRATION_SUPERVISOR in the backup (password from REGCLIENT_PASSWORD or a prompt)',
      '--json      print {dataDir, from, packets, auditEntries, restoredBy, backupCreatedAt} as JSON',
      `passphrase: ${BACKUP_PASSPHRASE_ENV} or a prompt. Everything is checked before the folder is created; --data-dir must be absent or empty.`,
    ].join('\n'),
    run: runRestore,
  },
];
