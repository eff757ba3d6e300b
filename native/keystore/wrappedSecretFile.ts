import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { KeyProtection, KeyringRef } from '../../schemas/keyProtection';
import type { SecretWrapper, WrapperKind } from './SecretWrapper';

const WrappedFile = z.object({
  version: z.literal(1),
  kind: KeyProtection,
  /** the OS keyring entry (kind `keyring`) */
  ref: KeyringRef.optional(),
  data: z.string().min(1),
});

/** The kind and keyring entry a wrapped file names, without unwrapping it (undefined: no file or not readable). */
export function peekWrappedFile(path: string): Readonly<{ kind: string; ref?: string }> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { kind?: unknown; ref?: unknown };
    return { kind: typeof raw.kind === 'string' ? raw.kind : 'unknown', ...(typeof raw.ref === 'string' ? { ref: raw.ref } : {}) };
  } catch {
    // A malformed file is reported precisely when the key is read (readWrappedSecret).
    return { kind: 'unknown' };
  }
}

export class WrappedSecretError extends Error {
  override readonly name = 'WrappedSecretError';
  constructor(
    message: string,
    readonly reason: 'missing' | 'malformed' | 'wrong-wrapper' | 'unwrap-failed',
    readonly foundKind?: WrapperKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Writes durably: temp file, fsync, rename. The previous file is never truncated in place. */
export function writeFileAtomic(path: string, data: Buffer | string, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function writeWrappedSecret(path: string, wrapper: SecretWrapper, secret: Buffer): void {
  const body = { version: 1, kind: wrapper.kind, ...(wrapper.ref === undefined ? {} : { ref: wrapper.ref }), data: wrapper.wrap(secret).toString('base64') };
  writeFileAtomic(path, `${JSON.stringify(body)}\n`);
}

/** @throws WrappedSecretError with the reason, never returns a wrong secret */
export function readWrappedSecret(path: string, wrapper: SecretWrapper): Buffer {
  if (!existsSync(path)) throw new WrappedSecretError(`${path} is missing`, 'missing');
  let parsed: z.infer<typeof WrappedFile>;
  try {
    parsed = WrappedFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (cause) {
    throw new WrappedSecretError(`${path} is not a wrapped secret file`, 'malformed', undefined, { cause });
  }
  if (parsed.kind !== wrapper.kind || parsed.ref !== wrapper.ref) {
    throw new WrappedSecretError(
      `${path} was wrapped with ${describeWrapping(parsed.kind, parsed.ref)}, but this process uses ${describeWrapping(wrapper.kind, wrapper.ref)}`,
      'wrong-wrapper',
      parsed.kind,
    );
  }
  try {
    return wrapper.unwrap(Buffer.from(parsed.data, 'base64'));
  } catch (cause) {
    throw new WrappedSecretError(`${path} cannot be unwrapped with this ${wrapper.kind} key`, 'unwrap-failed', parsed.kind, { cause });
  }
}

function describeWrapping(kind: WrapperKind, ref: string | undefined): string {
  return ref === undefined ? kind : `${kind} entry ${ref}`;
}
