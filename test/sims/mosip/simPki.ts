import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

/** One key pair with its certificate, as files in `<stateDir>/keys/`. */
export interface SimKeyPair {
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly certPem: string;
  readonly certDer: Buffer;
  readonly keyPath: string;
  readonly certPath: string;
}

/**
 * Throwaway PKI: a root CA, keymanager's chain ROOT → KERNEL → KERNEL/SIGN, and one REGISTRATION certificate per
 * `<centre>_<machine>`, like keymanager's REGISTRATION master key does. Persisted so a restarted
 * simulator keeps decrypting what was encrypted to it.
 */
export class SimPki {
  readonly #dir: string;
  readonly #cache = new Map<string, SimKeyPair>();
  readonly root: SimKeyPair;
  /** the KERNEL master key's certificate, issued by ROOT (keymanager's key policy chain) */
  #kernel: SimKeyPair;
  #kernelSign: SimKeyPair;

  readonly #now: () => number;

  /** `now` is the simulator's clock: certificates are valid around it, never around a fixed year. */
  constructor(stateDir: string, now: () => number) {
    this.#now = now;
    this.#dir = join(stateDir, 'keys');
    mkdirSync(this.#dir, { recursive: true });
    this.root = this.#loadOrCreate('ROOT', 'CN=MOSIP Simulator Root CA,O=Sim', undefined);
    this.#kernel = this.#loadOrCreate('KERNEL', 'CN=KERNEL,O=Sim', this.root, true);
    this.#kernelSign = this.#loadOrCreate('KERNEL_SIGN', 'CN=KERNEL SIGN,O=Sim', this.#kernel);
  }

  /** the KERNEL master key's certificate, issued by ROOT (keymanager's key policy chain) */
  get kernel(): SimKeyPair {
    return this.#kernel;
  }

  /** The key every signed answer and token is signed with; replaced by rotateKernelSign. */
  get kernelSign(): SimKeyPair {
    return this.#kernelSign;
  }

  /**
   * A new KERNEL/SIGN key and certificate, as keymanager generates when the old one expires or an
   * administrator renews it. `trusted: false` issues it from a stray CA instead of KERNEL: a
   * certificate that does not chain, for the client to refuse. `renewKernel` renews the KERNEL
   * master certificate first (still issued by ROOT), so SIGN chains only through the new one.
   */
  rotateKernelSign(trusted: boolean, renewKernel = false): SimKeyPair {
    if (renewKernel) {
      this.#cache.delete('KERNEL');
      this.#kernel = this.#loadOrCreate('KERNEL', 'CN=KERNEL,O=Sim', this.root, true, true);
    }
    const stray = trusted ? undefined : { ...this.kernel, privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey };
    this.#cache.delete('KERNEL_SIGN');
    this.#kernelSign = this.#loadOrCreate('KERNEL_SIGN', 'CN=KERNEL SIGN,O=Sim', stray ?? this.kernel, false, true);
    return this.#kernelSign;
  }

  get keyDir(): string {
    return this.#dir;
  }

  /** REGISTRATION key pair for `<centre>_<machine>`, created on first request as keymanager does. */
  registration(refId: string): SimKeyPair {
    if (!/^\d+_\d+$/.test(refId)) throw new TypeError(`SimPki.registration: bad refId ${refId}`);
    return this.#loadOrCreate(`REGISTRATION_${refId}`, `CN=REGISTRATION-${refId},O=Sim`, this.root);
  }

  hasRegistration(refId: string): boolean {
    return this.#cache.has(`REGISTRATION_${refId}`) || existsSync(join(this.#dir, `REGISTRATION_${refId}.key.pem`));
  }

  #loadOrCreate(name: string, subject: string, issuer: SimKeyPair | undefined, ca = issuer === undefined, replace = false): SimKeyPair {
    const cached = this.#cache.get(name);
    if (cached) return cached;
    const keyPath = join(this.#dir, `${name}.key.pem`);
    const certPath = join(this.#dir, `${name}.cert.pem`);
    if (replace || !existsSync(keyPath) || !existsSync(certPath)) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const certPem = issueCertificate(privateKey, subject, issuer, this.#now(), ca);
      writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      writeFileSync(certPath, certPem);
    }
    const privateKey = createPrivateKey(readFileSync(keyPath));
    const certPem = readFileSync(certPath, 'utf8');
    const pair: SimKeyPair = { name, privateKey, publicKey: createPublicKey(privateKey), certPem, certDer: pemToDer(certPem), keyPath, certPath };
    this.#cache.set(name, pair);
    return pair;
  }
}

const DAY_MS = 86_400_000;

function issueCertificate(privateKey: KeyObject, subject: string, issuer: SimKeyPair | undefined, now: number, ca: boolean): string {
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  // a day of slack behind and five years ahead of the simulator's clock
  cert.validity.notBefore = new Date(now - DAY_MS);
  cert.validity.notAfter = new Date(now + 1826 * DAY_MS);
  const attrs = subject.split(',').map((part) => {
    const [key, value] = part.split('=');
    return { shortName: key!, value: value! };
  });
  cert.setSubject(attrs);
  const signer = issuer ? forge.pki.privateKeyFromPem(issuer.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) : forgeKey;
  cert.setIssuer(issuer ? forge.pki.certificateFromPem(issuer.certPem).subject.attributes : attrs);
  cert.setExtensions([{ name: 'basicConstraints', cA: ca }]);
  cert.sign(signer, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}
