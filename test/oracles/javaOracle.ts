import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOURCE = join(import.meta.dirname, 'PacketOracle.java');

/** The JDK-only oracle's verdict on one packet. */
export interface OracleResult {
  readonly exitCode: number;
  readonly ok: readonly string[];
  readonly failed: readonly string[];
  /** hex AES key of the outer envelope, as the JDK unwrapped it */
  readonly outerKey: string | undefined;
}

/** Compiles PacketOracle.java with `javac` into a fresh temp dir; returns that class dir. */
export async function compileJavaOracle(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'packet-oracle-'));
  await run('javac', ['-d', dir, SOURCE]);
  return dir;
}

/** Runs the oracle on a packet file with the regproc private key (PKCS#8 PEM) and machine certificate. */
export async function runJavaOracle(classDir: string, packetFile: string, regKeyPem: string, machineCertPem: string): Promise<OracleResult> {
  let stdout: string;
  let exitCode = 0;
  try {
    ({ stdout } = await run('java', ['-cp', classDir, 'PacketOracle', packetFile, regKeyPem, machineCertPem]));
  } catch (err) {
    const e = err as { stdout?: string; code?: number };
    stdout = e.stdout ?? '';
    exitCode = typeof e.code === 'number' ? e.code : 1;
  }
  const lines = stdout.split('\n');
  return {
    exitCode,
    ok: lines.filter((l) => l.startsWith('OK ')).map((l) => l.split(' ')[1]!),
    failed: lines.filter((l) => l.startsWith('FAIL ')).map((l) => l.split(' ')[1]!),
    outerKey: lines.find((l) => l.startsWith('outerKey='))?.slice('outerKey='.length),
  };
}

/**
 * Unwraps an envelope's AES session key with the `openssl` CLI (RSA-OAEP, SHA-256, MGF1-SHA-256),
 * reading the wrapped key from bytes 76..332 of the envelope.
 */
export async function opensslUnwrap(wrappedKeyFile: string, regKeyPemFile: string, outFile: string): Promise<void> {
  await run('openssl', [
    'pkeyutl', '-decrypt', '-inkey', regKeyPemFile, '-in', wrappedKeyFile, '-out', outFile,
    '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256', '-pkeyopt', 'rsa_mgf1_md:sha256',
  ]);
}
