import { AppError } from '../../schemas/errors';
import { serverUrlProblem } from '../../schemas/serverUrl';
import { SERVER_URL_ENV } from './defaultDataDir';

/**
 * The server address given at start: `--server`, else REGCLIENT_SERVER_URL (an empty variable
 * counts as unset). Shared by the app's hosts and the CLI so the rule and its message are one.
 * @throws AppError ERR_SYNC_SERVER_URL_INSECURE naming the flag or the variable, the address and the rule
 */
export function startServerUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const url = flag ?? (env[SERVER_URL_ENV] || undefined);
  if (url === undefined) return undefined;
  const problem = serverUrlProblem(url);
  if (problem) throw new AppError('ERR_SYNC_SERVER_URL_INSECURE', { field: flag === undefined ? SERVER_URL_ENV : '--server', url, rule: problem });
  return url;
}

/** The address sync uses, or why the stored one is refused (sync fails with it; the settings are kept). */
export type ServerChoice = Readonly<{ serverUrl?: string; refusal?: AppError<'ERR_SYNC_SERVER_URL_INSECURE'> }>;

/**
 * The address from the start options wins over the supervisor's stored setting; a given address
 * that breaks the rule refuses the start. A stored address saved before the https rule is not
 * wiped (the supervisor sees and fixes it in Settings) but it is never used: an insecure link
 * would carry passwords, tokens and packet metadata in clear.
 * @throws AppError ERR_SYNC_SERVER_URL_INSECURE for a given address (field `--server`)
 */
export function chooseServerUrl(given: string | undefined, stored: string | null): ServerChoice {
  if (given !== undefined) return { serverUrl: startServerUrl(given, {})! };
  if (stored === null) return {};
  const problem = serverUrlProblem(stored);
  if (!problem) return { serverUrl: stored };
  return { refusal: new AppError('ERR_SYNC_SERVER_URL_INSECURE', { field: 'serverUrl', url: stored, rule: problem }) };
}

/** The text a host shows when it refuses to start: the code, the rule in words, then the details (which flag or variable, the value, the rule). */
export function startRefusalText(err: AppError): string {
  return `regclient cannot start: ${err.code}: ${err.message}\n${JSON.stringify(err.details)}`;
}
