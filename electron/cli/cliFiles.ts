import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../schemas/errors';

/**
 * Checks of the files and folders named on the command line, so a wrong path gets a catalogue
 * error naming the option and the rule instead of a Node stack trace (EISDIR, a PEM decoder
 * message) or a hang.
 */

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT' || (err as { code?: string }).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/**
 * The path of an existing regular file for `option`.
 * @throws AppError ERR_CLI_WRONG_FILE_KIND for a folder; `missing()` (default ERR_CLI_FILE_MISSING) when absent
 */
export function existingFile(option: string, value: string, missing?: (path: string) => Error): string {
  const path = resolve(value);
  const stat = statOrUndefined(path);
  if (!stat) throw missing ? missing(path) : new AppError('ERR_CLI_FILE_MISSING', { option, path });
  if (stat.isDirectory()) throw new AppError('ERR_CLI_WRONG_FILE_KIND', { option, path, expected: 'file' });
  return path;
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The X.509 certificates in a PEM file (at least one).
 * @throws AppError ERR_CLI_FILE_MISSING, ERR_CLI_WRONG_FILE_KIND, ERR_CLI_FILE_NOT_PEM
 */
export function readCertificatePem(option: string, value: string): string {
  const path = existingFile(option, value);
  const text = readFileSync(path, 'utf8');
  const blocks = text.match(CERT_BLOCK) ?? [];
  const notPem = new AppError('ERR_CLI_FILE_NOT_PEM', { option, path, expected: 'a PEM certificate (-----BEGIN CERTIFICATE-----)' });
  if (blocks.length === 0) throw notPem;
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (cause) {
      throw new AppError('ERR_CLI_FILE_NOT_PEM', { option, path, expected: 'a PEM certificate that parses as X.509' }, { cause });
    }
  }
  return text;
}

/**
 * A private key from a PEM file; a certificate or public key in its place is named as such.
 * @throws AppError ERR_CLI_FILE_MISSING, ERR_CLI_WRONG_FILE_KIND, ERR_CLI_FILE_NOT_PEM
 */
export function readPrivateKeyPem(option: string, value: string): KeyObject {
  const path = existingFile(option, value);
  const text = readFileSync(path, 'utf8');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    const found = /-----BEGIN CERTIFICATE-----/.test(text) ? 'a certificate' : /-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(text) ? 'a public key' : 'not PEM';
    throw new AppError('ERR_CLI_FILE_NOT_PEM', { option, path, expected: `a PEM private key (-----BEGIN PRIVATE KEY-----); found ${found}` });
  }
  try {
    return createPrivateKey(text);
  } catch (cause) {
    throw new AppError('ERR_CLI_FILE_NOT_PEM', { option, path, expected: 'a PEM private key that can be read (unencrypted PKCS#8 or PKCS#1)' }, { cause });
  }
}

/**
 * Makes sure `value` is a folder this user can write, creating missing levels one at a time.
 * Node's `mkdir({ recursive: true })` spins forever on paths like `/proc/x` (it retries the
 * ENOENT from a pseudo file system), so each level is created without `recursive`.
 * @throws AppError ERR_CLI_WRONG_FILE_KIND (a file is in the way), ERR_CLI_OUT_UNWRITABLE
 */
export function writableFolder(option: string, value: string): string {
  const path = resolve(value);
  const missing: string[] = [];
  let at = path;
  let stat = statOrUndefined(at);
  while (!stat) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
    stat = statOrUndefined(at);
  }
  if (stat && !stat.isDirectory()) throw new AppError('ERR_CLI_WRONG_FILE_KIND', { option, path: at, expected: 'folder' });
  try {
    for (const level of missing) mkdirSync(level, { mode: 0o700 });
    accessSync(path, constants.W_OK | constants.X_OK);
  } catch (cause) {
    throw new AppError('ERR_CLI_OUT_UNWRITABLE', { option, path, reason: (cause as { code?: string }).code ?? (cause as Error).message }, { cause });
  }
  return path;
}
