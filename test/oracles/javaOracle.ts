import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
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

/**
 * PacketOracle.java compiled with `javac`, copied into a fresh temp dir the caller owns (and
 * removes); returns that class dir. The compiled classes are kept in the OS temp dir keyed by the
 * source's hash and the javac binary, so the suite pays one javac run (about 2 s of CPU), not one
 * per test file; an edited source or another JDK compiles afresh.
 */
export async function compileJavaOracle(): Promise<string> {
  const compiled = await compiledClasses();
  const dir = await mkdtemp(join(tmpdir(), 'packet-oracle-'));
  await cp(compiled, dir, { recursive: true });
  return dir;
}

/** The cache entry for this source and JDK, compiled on a miss into a temp name and renamed into place, so two test processes never see a half-written entry. */
async function compiledClasses(): Promise<string> {
  const key = createHash('sha256').update(await readFile(SOURCE)).update('\0').update(javacPath()).digest('hex').slice(0, 16);
  const root = join(tmpdir(), 'regclient-java-oracle');
  const entry = join(root, key);
  if (existsSync(entry)) return entry;
  await mkdir(root, { recursive: true });
  const building = await mkdtemp(join(root, `${key}.building-`));
  try {
    await run('javac', ['-d', building, SOURCE]);
    await rename(building, entry);
  } catch (err) {
    // another process renamed its build into place first: theirs is as good as ours
    if (!existsSync(entry)) throw err;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return entry;
}

/** The javac that PATH resolves to, links followed: the cache key changes with the JDK. */
function javacPath(): string {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'javac');
    if (dir !== '' && existsSync(candidate)) return realpathSync(candidate);
  }
  return 'javac';
}

/** Runs the oracle on a packet file with the regproc private key (PKCS#8 PEM) and machine certificate. */
export async function runJavaOracle(classDir: string, packetFile: string, regKeyPem: string, machineCertPem: string): Promise<OracleResult> {
  let stdout: string;
  let exitCode = 0;
  try {
    ({ stdout } = await run('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', classDir, 'PacketOracle', packetFile, regKeyPem, machineCertPem]));
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
