import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../schemas/errors';
import { KEY_DIR } from '../../host/openDataDir';
import { rewrapKeysToKeyring } from '../../host/rewrapKeys';
import { AuthService } from '../../services/auth/AuthService';
import { openCliDataDir } from '../cliDataDir';
import type { CliCommand } from '../CliCommand';
import { EXIT } from '../exitCodes';
import { readPassword } from '../readPassword';
import { UsageError } from '../runCli';

/**
 * `regclient keys protect --to keyring`: a data dir set up with a plain key file (a copy of the
 * folder decrypts every registration) moves its keys under this user's OS keyring. A supervisor's
 * decision, checked and audited like the others.
 */
const protect: CliCommand = {
  words: ['keys', 'protect'],
  summary: "move this data dir's keys from a plain key file to this user's OS keyring (supervisors)",
  usage: "  --to keyring  where the keys go (the OS keyring of the user running this, in a desktop session)\n  --user ID     the supervisor (password from REGCLIENT_PASSWORD or a prompt)\n  --json",
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { to: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    if (values.to !== 'keyring') throw new UsageError('--to keyring is required (the only place keys can move to)');
    if (!values.user) throw new UsageError("--user <supervisor id> is required: changing what protects this machine's keys is a supervisor's decision");
    const password = await readPassword(ctx, `Password for ${values.user}: `);
    const data = openCliDataDir(ctx);
    try {
      const actor = await new AuthService({ db: data.db, audit: data.audit, clock: data.clock }).verify(values.user, password, 'eod_auth');
      if (!actor.roles.includes('REGISTRATION_SUPERVISOR')) throw new AppError('ERR_SYNC_NOT_SUPERVISOR', { userId: actor.userId });
      if (data.keyProtection === 'keyring') {
        ctx.stdout.write(values.json ? `${JSON.stringify({ to: 'keyring', changed: false })}\n` : "this data dir's keys are already in the OS keyring: nothing to do\n");
        return EXIT.OK;
      }
      const result = rewrapKeysToKeyring(join(ctx.dataDir, KEY_DIR), ctx.env);
      data.audit.append('KEYS_REWRAPPED', actor.userId, { from: result.from, to: result.to, files: result.files, removedKeyFile: result.removedKeyFile });
      ctx.stdout.write(
        values.json
          ? `${JSON.stringify({ ...result, changed: true })}\n`
          : `moved ${result.files.length} wrapped key(s) (${result.files.join(', ')}) from ${result.from.join(', ')} to the OS keyring${result.removedKeyFile ? '; the plain key file is deleted' : ''}\n` +
              'back up this machine now: the keyring entry belongs to this user on this computer\n',
      );
      return EXIT.OK;
    } finally {
      data.close();
    }
  },
};

export const keysCommands: CliCommand[] = [protect];
