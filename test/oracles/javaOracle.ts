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
  /** every check the oracle ran, in its output order, with its verdict: `{ 'id.packet_data_hash': 'OK', … }` */
  readonly verdicts: Readonly<Record<string, 'OK' | 'FAIL'>>;
  /** the oracle's explanation for each FAIL */
  readonly reasons: Readonly<Record<string, string>>;
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
  return { exitCode, ...parseOracleOutput(stdout) };
}

/**
 * Reads the oracle's structured output: `OK <check>` / `FAIL <check> <why>` lines and `outerKey=<hex>`.
 * Any other line, or a check reported twice, throws — a garbled report must not pass for a verdict.
 */
export function parseOracleOutput(stdout: string): Omit<OracleResult, 'exitCode'> {
  const verdicts: Record<string, 'OK' | 'FAIL'> = {};
  const reasons: Record<string, string> = {};
  let outerKey: string | undefined;
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('outerKey=')) {
      outerKey = line.slice('outerKey='.length);
      continue;
    }
    const match = /^(OK|FAIL) (\S+)(?: (.*))?$/.exec(line);
    if (!match) throw new Error(`PacketOracle printed an unexpected line: ${line}`);
    const [, verdict, check, why] = match;
    if (verdicts[check!] !== undefined) throw new Error(`PacketOracle reported ${check} twice`);
    verdicts[check!] = verdict as 'OK' | 'FAIL';
    if (verdict === 'FAIL') reasons[check!] = why ?? '';
  }
  const names = Object.keys(verdicts);
  return {
    ok: names.filter((n) => verdicts[n] === 'OK'),
    failed: names.filter((n) => verdicts[n] === 'FAIL'),
    verdicts,
    reasons,
    outerKey,
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
