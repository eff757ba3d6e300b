import { accessSync, constants, existsSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../../schemas/errors';
import { DB_SECRET_ENV, KEY_STORE_ENV, MASTER_KEY_FILE } from '../../host/chooseWrapper';
import { KEYRING_SERVICE } from '../../../native/keystore/keyringWrapper';
import { DB_FILE, KEY_DIR, openDataDir } from '../../host/openDataDir';
import type { WrapperKind } from '../../../native/keystore/SecretWrapper';
import { LATEST_SCHEMA_VERSION } from '../../services/db/migrations';
import { REGISTRATION_CERT_PATH } from '../../services/packets/RegistrationCertProvider';
import { countQuarantined, QUARANTINE_DIR } from '../../services/packets/leftoverCleanup';
import { loadRegistrationCertificate } from '../../services/packets/registrationCert';
import { SettingsService } from '../../services/settings/SettingsService';
import { effectiveMachineName } from '../../services/sync/machineName';
import type { CliCommand, CliContext } from '../CliCommand';
import { cliLanguage, errorSentence } from '../errorText';
import { EXIT } from '../exitCodes';

type Status = 'ok' | 'warn' | 'fail';
/** One doctor line: what was checked, what was found, and (when not OK) what to do. */
export interface DoctorCheck {
  readonly name: string;
  readonly status: Status;
  readonly detail: string;
  readonly action?: string;
}

const LOW_DISK_BYTES = 2 * 1024 ** 3;
/**
 * What MOSIP's own client probes to decide it is online: `mosip.reg.healthcheck.url`, documented as
 * `https://<host>/v1/authmanager/actuator/health`, and only a 2xx counts (registration-client
 * ServiceDelegateUtil.isNetworkAvailable → RestClientUtil.isConnectedToSyncServer).
 */
export const HEALTH_PATH = '/v1/authmanager/actuator/health';
const SETUP_ACTION = 'give the machine\'s folder with --data-dir (or REGCLIENT_DATA_DIR), or set this machine up: regclient operators add …, then regclient sync --user ID --initial';

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${(n / 1024 ** 2).toFixed(0)} MiB`;
}

/** A check's failure as the app words it, in the terminal's language (errorText.ts). */
function describe(err: AppError, env: CliContext['env']): string {
  return `${err.code}: ${errorSentence(err.code, err.details as Readonly<Record<string, unknown>>, cliLanguage(env))}`;
}

/** The folder itself: present, a folder, and readable and writable by this user. */
function checkDataDir(ctx: CliContext): DoctorCheck {
  const where = `${ctx.dataDir} (from ${ctx.dataDirSource ?? '--data-dir'})`;
  let isDir: boolean;
  try {
    isDir = statSync(ctx.dataDir).isDirectory();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') return { name: 'data dir', status: 'fail', detail: `${where} does not exist`, action: SETUP_ACTION };
    return { name: 'data dir', status: 'fail', detail: `${where} cannot be looked at (${code ?? (err as Error).message})`, action: 'check the permissions of its parent folders' };
  }
  if (!isDir) return { name: 'data dir', status: 'fail', detail: `${where} is a file, not a folder`, action: SETUP_ACTION };
  try {
    accessSync(ctx.dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (err) {
    return { name: 'data dir', status: 'fail', detail: `${where} exists but this user (uid ${process.getuid?.() ?? '?'}) cannot read and write it (${(err as { code?: string }).code ?? 'denied'})`, action: 'run regclient as the user who owns the folder, or give that user read and write access (chmod u+rwx)' };
  }
  return { name: 'data dir', status: 'ok', detail: `${where} exists, readable and writable` };
}

/** Database, machine key and name, audit chain and the REGISTRATION certificate of one data dir. */
function checkDatabase(ctx: CliContext): DoctorCheck[] {
  if (!existsSync(join(ctx.dataDir, DB_FILE))) {
    // The folder is readable here, so the file really is absent: a wrong folder or a machine never set up.
    return [{ name: 'database', status: 'fail', detail: `no ${DB_FILE} in ${ctx.dataDir}`, action: `if this machine was set up, this is the wrong folder: ${SETUP_ACTION}` }];
  }
  const checks: DoctorCheck[] = [];
  let data: ReturnType<typeof openDataDir>;
  try {
    data = openDataDir({ dataDir: ctx.dataDir, env: ctx.env });
  } catch (err) {
    if (!isAppError(err)) throw err;
    return [{ name: 'database', status: 'fail', detail: describe(err, ctx.env), action: 'do not delete or recreate it: restore the key (REGCLIENT_DB_SECRET or keys/) from backup, or call support with this line' }];
  }
  try {
    const version = data.db.pragma('user_version', { simple: true }) as number;
    checks.push({ name: 'database', status: 'ok', detail: `opens with its key, encrypted, schema version ${version} (app supports ${LATEST_SCHEMA_VERSION})` });
    checks.push(checkKeyProtection(data.keyProtection, ctx));
    checks.push({ name: 'machine key', status: 'ok', detail: `centre ${data.identity.centreId}, machine ${data.identity.machineId}, key index ${data.identity.keyIndex}` });
    // tpm/publickey/verify finds the machine by this name: it must be the one the administrator registered.
    const machineName = effectiveMachineName(new SettingsService({ db: data.db, audit: data.audit }).get().machineName);
    checks.push({ name: 'machine name', status: 'ok', detail: `${machineName.name} (from ${machineName.source}; change with sync --machine-name NAME)` });
    const audit = data.audit.verify();
    checks.push(audit.ok
      ? { name: 'audit log', status: 'ok', detail: `${audit.entries} entries, chain intact` }
      : { name: 'audit log', status: 'fail', detail: `broken at entry ${audit.problem!.seq}: ${audit.problem!.reason}`, action: 'keep this data dir as it is (evidence) and call support' });
    checks.push(checkRegistrationCert(ctx, data.clock.now()));
  } finally {
    data.close();
  }
  return checks;
}

/**
 * What keeps the database and machine keys secret at rest (issue 12). A plain key file beside the
 * wrapped keys protects nothing against a copy of the folder: it is a WARN with what to do.
 */
function checkKeyProtection(kind: WrapperKind, ctx: CliContext): DoctorCheck {
  const name = 'key protection';
  if (kind === 'safeStorage') return { name, status: 'ok', detail: 'keys wrapped by the OS keychain (desktop app)' };
  if (kind === 'keyring') return { name, status: 'ok', detail: `keys wrapped by a key in this user's OS keyring (service ${KEYRING_SERVICE}), not stored in the data dir` };
  if (kind === 'env') return { name, status: 'ok', detail: `keys wrapped by a secret from ${DB_SECRET_ENV}, not stored in the data dir` };
  const unused = [DB_SECRET_ENV, KEY_STORE_ENV].filter((v) => ctx.env[v]);
  const ignored = unused.length > 0 ? `; ${unused.join(' and ')} ${unused.length > 1 ? 'are' : 'is'} set but not used: this data dir was created with the key file` : '';
  return {
    name,
    status: 'warn',
    detail: `keys wrapped by a plain key file, ${join(ctx.dataDir, KEY_DIR, MASTER_KEY_FILE)}, beside them: a copy of this folder decrypts every registration${ignored}`,
    action: `run regclient keys protect --to keyring in the desktop session of this machine's user (or keep this folder on an encrypted disk); a new machine set up in a desktop session uses the OS keyring by itself`,
  };
}

/** `packet build` encrypts to this certificate: without it (never synced) or expired, every build fails. */
function checkRegistrationCert(ctx: CliContext, now: number): DoctorCheck {
  const path = join(ctx.dataDir, REGISTRATION_CERT_PATH);
  const sync = 'run regclient sync --user ID --initial while online (it downloads the REGISTRATION certificate)';
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch {
    return { name: 'reg cert', status: 'fail', detail: `never synced: no REGISTRATION certificate at ${path}, so packets cannot be built`, action: sync };
  }
  try {
    const cert = loadRegistrationCertificate(pem, now);
    return { name: 'reg cert', status: 'ok', detail: `REGISTRATION certificate ${cert.thumbprint.toString('hex').slice(0, 16)}… valid now` };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { name: 'reg cert', status: 'fail', detail: describe(err, ctx.env), action: `check this computer's date and time, then ${sync}` };
  }
}

/** Only a 2xx from MOSIP's health endpoint is healthy: a 404 or 405 means the address is not a MOSIP server. */
async function checkServer(base: string): Promise<DoctorCheck> {
  const url = `${base.replace(/\/+$/, '')}${HEALTH_PATH}`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(3000), redirect: 'manual' });
    await res.body?.cancel();
  } catch (err) {
    const reason = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    return { name: 'server', status: 'warn', detail: `${url} not reachable (${reason})`, action: 'packets wait in the outbox; sync when the network is back, or check --server' };
  }
  if (res.status >= 200 && res.status < 300) return { name: 'server', status: 'ok', detail: `${url} answered HTTP ${res.status}` };
  const action = res.status >= 500 ? 'the server is reachable but not healthy: sync later, or tell the server administrator' : 'this is not a MOSIP server\'s base address: check --server / REGCLIENT_SERVER_URL (e.g. https://api-internal.example.org)';
  return { name: 'server', status: 'fail', detail: `${url} answered HTTP ${res.status} ${res.statusText}`.trimEnd(), action };
}

/** Startup cleanup moves packet files without a committed row there: one may be a registration whose receipt was shown. */
async function checkQuarantine(dir: string): Promise<DoctorCheck> {
  const count = await countQuarantined(dir);
  return count === 0
    ? { name: 'quarantine', status: 'ok', detail: 'no packet files without a committed row' }
    : { name: 'quarantine', status: 'warn', detail: `${count} packet file(s) without a committed row kept in ${dir}`, action: 'a receipt may name them: check their RIDs with the supervisor before deleting any' };
}

async function runDoctor(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const dir = checkDataDir(ctx);
  const checks: DoctorCheck[] = [dir];
  // "no database yet" is only true of a folder we can read: otherwise it would invite a second database.
  if (dir.status === 'ok') checks.push(...checkDatabase(ctx), await checkQuarantine(join(ctx.dataDir, QUARANTINE_DIR)));
  const fs = statfsSync(dir.status === 'ok' ? ctx.dataDir : '.');
  const free = fs.bavail * fs.bsize;
  checks.push(free < LOW_DISK_BYTES
    ? { name: 'disk', status: 'warn', detail: `${formatBytes(free)} free (below ${formatBytes(LOW_DISK_BYTES)})`, action: 'sync or export packets, then free space on this disk' }
    : { name: 'disk', status: 'ok', detail: `${formatBytes(free)} free` });
  checks.push(ctx.serverUrl ? await checkServer(ctx.serverUrl) : { name: 'server', status: 'warn', detail: 'no server address configured', action: 'give --server URL or set REGCLIENT_SERVER_URL' });

  if (values.json) ctx.stdout.write(`${JSON.stringify({ checks }, null, 2)}\n`);
  else for (const c of checks) ctx.stdout.write(`${c.status.toUpperCase().padEnd(4)}  ${c.name.padEnd(12)} ${c.detail}${c.action ? `\n      ${''.padEnd(12)} → ${c.action}` : ''}\n`);
  return checks.some((c) => c.status === 'fail') ? EXIT.FAILED : EXIT.OK;
}

export const doctorCommand: CliCommand = {
  words: ['doctor'],
  summary: 'check the data dir, database, keys, audit log, REGISTRATION certificate, disk space and server',
  usage: `  --json   machine-readable output

Each line: OK, WARN or FAIL, what was checked, what was found, and → what to do.
  OK    fine
  WARN  works for now (offline, low disk, no server address) but needs attention; does not change the exit code
  FAIL  this machine cannot register or sync until it is fixed; the exit code is then 1`,
  run: runDoctor,
};
