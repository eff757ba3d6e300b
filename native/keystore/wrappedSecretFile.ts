import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretWrapper, WrapperKind } from './SecretWrapper';

const WrappedFile = z.object({
  version: z.literal(1),
  kind: z.enum(['safeStorage', 'keyfile', 'env']),
  data: z.string().min(1),
});

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
  const body = { version: 1, kind: wrapper.kind, data: wrapper.wrap(secret).toString('base64') };
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
  if (parsed.kind !== wrapper.kind) {
    throw new WrappedSecretError(
      `${path} was wrapped with ${parsed.kind}, but this process uses ${wrapper.kind}`,
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
