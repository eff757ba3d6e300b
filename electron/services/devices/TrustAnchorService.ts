import type { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../schemas/errors';
import type { TrustAnchor, TrustDomain } from '../../../schemas/sbi';
import { writeFileAtomic } from '../../../native/keystore/wrappedSecretFile';
import { certThumbprint, commonName, describeTrustAnchor, parseCaCertificate, parsePemCertificates } from '../../../native/sbi/trustAnchor';
import { TrustStore } from '../../../native/sbi/TrustStore';
import type { Clock } from '../../../native/time/Clock';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { listCaCertificates } from '../db/repos/syncCertificates';
import { createLogger, toLogFormat } from '../log/createLogger';
import { writeFileDurably } from '../packets/durableFile';

const log = createLogger('trust-anchors');

/** Folder in the data dir whose `*.pem` files are trusted device CAs (field support, the demo simulator). */
export const TRUST_DIR = 'trust';

/** Server domains whose CA certificates anchor device certificates (sbi-protocol.md §3.2). */
const SERVER_DOMAINS: readonly TrustDomain[] = ['DEVICE', 'FTM'];

interface LoadedAnchor {
  readonly cert: X509Certificate;
  readonly domain: TrustDomain;
  readonly source: TrustAnchor['source'];
}

export interface TrustAnchorServiceDeps {
  readonly db: DB;
  readonly dataDir: string;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

/**
 * The device trust store's anchors: CA certificates synced from the server (managed there) plus the
 * PEM files of `<dataDir>/trust/`, which a supervisor adds and removes here. Read from the database
 * and the folder on every call, so a sync or a change takes effect at the next device discovery.
 */
export class TrustAnchorService {
  readonly #deps: TrustAnchorServiceDeps;

  constructor(deps: TrustAnchorServiceDeps) {
    this.#deps = deps;
  }

  get #dir(): string {
    return join(this.#deps.dataDir, TRUST_DIR);
  }

  /** The anchors in force, server ones first. */
  list(): TrustAnchor[] {
    const now = this.#deps.clock.now();
    return this.#load().map((a) => describeTrustAnchor(a.cert, now, a.domain, a.source));
  }

  /** A trust store of every anchor in force, for one device client. */
  trustStore(): TrustStore {
    const trust = new TrustStore();
    for (const anchor of this.#load()) trust.addPem(anchor.cert.toString(), anchor.domain);
    return trust;
  }

  /**
   * Trusts a device CA certificate from now on: checked, written durably to
   * `trust/<thumbprint>.pem` (DEVICE domain), audited.
   * @throws AppError ERR_SBI_TRUST_ANCHOR_* (unreadable, not single, not a CA, expired, not yet
   *   valid, duplicate, root not found for a sub-CA, write failed)
   */
  async add(pem: string, actor: string): Promise<TrustAnchor> {
    const now = this.#deps.clock.now();
    const cert = parseCaCertificate(pem, now);
    const thumbprint = certThumbprint(cert);
    const existing = this.#load().find((a) => certThumbprint(a.cert) === thumbprint);
    if (existing) throw new AppError('ERR_SBI_TRUST_ANCHOR_DUPLICATE', { subject: commonName(cert.subject), thumbprint, source: existing.source.kind });
    // As keymanager's uploadCACertificate: a sub-CA is taken only when it chains to a root already trusted.
    const selfSigned = cert.checkIssued(cert) && cert.verify(cert.publicKey);
    if (!selfSigned && !this.trustStore().isTrusted(cert, 'DEVICE', now)) {
      throw new AppError('ERR_SBI_TRUST_ANCHOR_ROOT_NOT_FOUND', { subject: commonName(cert.subject), issuer: commonName(cert.issuer) });
    }
    const fileName = `${thumbprint}.pem`;
    try {
      await mkdir(this.#dir, { recursive: true, mode: 0o700 });
      await writeFileDurably(this.#dir, fileName, Buffer.from(cert.toString()));
    } catch (cause) {
      throw new AppError('ERR_SBI_TRUST_ANCHOR_WRITE_FAILED', { reason: reasonOf(cause) }, { cause });
    }
    this.#deps.audit.append('DEVICE_TRUST_ANCHOR_ADDED', actor, { thumbprint, subject: commonName(cert.subject), fileName });
    return describeTrustAnchor(cert, now, 'DEVICE', { kind: 'local', fileName });
  }

  /**
   * Stops trusting a local anchor: its file is removed (or rewritten without it when the file holds
   * a bundle), audited. Server anchors are refused: the next sync would bring them back.
   * @throws AppError ERR_SBI_TRUST_ANCHOR_NOT_FOUND, ERR_SBI_TRUST_ANCHOR_SERVER_MANAGED,
   *   ERR_SBI_TRUST_ANCHOR_WRITE_FAILED
   */
  async remove(thumbprint: string, actor: string): Promise<void> {
    const matches = this.#load().filter((a) => certThumbprint(a.cert) === thumbprint);
    const local = matches.flatMap((a) => (a.source.kind === 'local' ? [{ cert: a.cert, fileName: a.source.fileName }] : []));
    const first = matches[0];
    if (!first) throw new AppError('ERR_SBI_TRUST_ANCHOR_NOT_FOUND', { thumbprint });
    if (local.length === 0) {
      const partnerDomain = first.source.kind === 'server' ? first.source.partnerDomain : first.domain;
      throw new AppError('ERR_SBI_TRUST_ANCHOR_SERVER_MANAGED', { thumbprint, subject: commonName(first.cert.subject), partnerDomain });
    }
    // A hand-copied duplicate in a second file would keep trusting it: remove it from every file.
    const fileNames = [...new Set(local.map((l) => l.fileName))];
    try {
      for (const fileName of fileNames) await this.#removeFrom(fileName, thumbprint);
    } catch (cause) {
      throw new AppError('ERR_SBI_TRUST_ANCHOR_WRITE_FAILED', { reason: reasonOf(cause) }, { cause });
    }
    this.#deps.audit.append('DEVICE_TRUST_ANCHOR_REMOVED', actor, { thumbprint, subject: commonName(first.cert.subject), fileNames });
  }

  async #removeFrom(fileName: string, thumbprint: string): Promise<void> {
    const path = join(this.#dir, fileName);
    const rest = parsePemCertificates(readFileSync(path, 'utf8')).filter((c) => certThumbprint(c) !== thumbprint);
    if (rest.length > 0) {
      writeFileAtomic(path, rest.map((c) => c.toString()).join(''));
      return;
    }
    await unlink(path);
    await syncDirectory(this.#dir);
  }

  #load(): LoadedAnchor[] {
    const out: LoadedAnchor[] = [];
    for (const domain of SERVER_DOMAINS) {
      for (const record of listCaCertificates(this.#deps.db, domain)) {
        for (const cert of this.#parse(record.pem, `server:${record.certId}`)) {
          out.push({ cert, domain, source: { kind: 'server', partnerDomain: record.partnerDomain ?? domain, certId: record.certId } });
        }
      }
    }
    if (!existsSync(this.#dir) || !statSync(this.#dir).isDirectory()) return out;
    for (const fileName of readdirSync(this.#dir).filter((n) => n.endsWith('.pem')).sort()) {
      // Files named ftm* anchor FTM (digitalId) certificates; everything else device certificates.
      const domain: TrustDomain = fileName.startsWith('ftm') ? 'FTM' : 'DEVICE';
      for (const cert of this.#parse(readFileSync(join(this.#dir, fileName), 'utf8'), fileName)) out.push({ cert, domain, source: { kind: 'local', fileName } });
    }
    return out;
  }

  /** A certificate nobody can read is left out (and logged) rather than blocking every device. */
  #parse(pem: string, origin: string): X509Certificate[] {
    try {
      return parsePemCertificates(pem);
    } catch (err) {
      log.warn('ignored an unreadable trust anchor', { origin, error: toLogFormat(err) });
      return [];
    }
  }
}

function reasonOf(cause: unknown): string {
  if (cause instanceof AppError) return String((cause.details as { reason?: unknown }).reason ?? cause.code);
  return (cause as { code?: string }).code ?? (cause as Error).message;
}

/** fsync the folder so a removal survives power loss (not possible on Windows, where NTFS journals it). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
