import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../schemas/errors';
import { checkRegistrationCertificateAt, parseRegistrationCertificate, type RegistrationCertificate } from './registrationCert';

/** Where sync writes the server's REGISTRATION certificate inside a data dir. */
export const REGISTRATION_CERT_PATH = join('certs', 'REGISTRATION.pem');

/** The REGISTRATION certificate packets are encrypted for. */
export interface RegistrationCertProvider {
  /**
   * The certificate, valid at `now`.
   * @throws AppError ERR_PACKET_REG_CERT_MISSING, ERR_PACKET_REG_CERT_INVALID, ERR_PACKET_REG_CERT_EXPIRED
   */
  current(now: number): RegistrationCertificate;
}

/**
 * The certificate sync keeps in a data dir (`<dataDir>/certs/REGISTRATION.pem`). It may arrive or
 * change after the app started, so the file's identity (inode, size, times) is looked at on every
 * build, and the certificate is read and parsed again only when that changed.
 */
export class RegistrationCertFile implements RegistrationCertProvider {
  readonly #path: string;
  #cached: Readonly<{ version: string; cert: RegistrationCertificate }> | undefined;

  constructor(path: string) {
    this.#path = path;
  }

  current(now: number): RegistrationCertificate {
    const version = this.#version();
    // stat before read: a write in between gives a newer file under an older version, read again next time
    if (this.#cached?.version !== version) this.#cached = { version, cert: parseRegistrationCertificate(this.#read()) };
    return checkRegistrationCertificateAt(this.#cached.cert, now);
  }

  #version(): string {
    try {
      const s = statSync(this.#path);
      return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    } catch (cause) {
      throw new AppError('ERR_PACKET_REG_CERT_MISSING', { path: this.#path }, { cause });
    }
  }

  #read(): string {
    try {
      return readFileSync(this.#path, 'utf8');
    } catch (cause) {
      throw new AppError('ERR_PACKET_REG_CERT_MISSING', { path: this.#path }, { cause });
    }
  }
}

/** A certificate given once (`packet build --reg-cert`, tests): parsed on first use, checked at every build. */
export function fixedRegistrationCert(pem: string): RegistrationCertProvider {
  let cert: RegistrationCertificate | undefined;
  return { current: (now) => checkRegistrationCertificateAt((cert ??= parseRegistrationCertificate(pem)), now) };
}
