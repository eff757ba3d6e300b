import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CrvsBridgeConfig } from '../../schemas/crvsBridge';
import { AppError } from '../../schemas/errors';
import type { OpenedDataDir } from './openDataDir';
import { KEY_DIR } from './openDataDir';
import { readWrappedSecret, writeFileAtomic, writeWrappedSecret } from '../../native/keystore/wrappedSecretFile';

export const BRIDGE_CONFIG_FILE = 'crvs-bridge.json';

/** The secrets, each in its own wrapped file under `<dataDir>/keys/`, wrapped as the database key is. */
const SECRET_FILES = {
  webhookToken: 'crvs-webhook-token.wrapped',
  websubSecret: 'crvs-websub-secret.wrapped',
  confirmToken: 'crvs-confirm-token.wrapped',
  partnerKey: 'crvs-partner-key.wrapped',
} as const;

/** Everything `regclient bridge` needs beyond the data dir, read once at its start. */
export interface BridgeSetup {
  readonly config: CrvsBridgeConfig;
  /** the bearer token OpenCRVS sends to the webhook */
  readonly webhookToken: Buffer;
  /** `hub.secret` of the WebSub subscription: the HMAC key of every delivery */
  readonly websubSecret: Buffer;
  /** the token the bridge sends with its confirm calls to OpenCRVS (`v1-graphql`; v2 uses each event's own) */
  readonly confirmToken: string | null;
  /** `v2-events`: OpenCRVS's auth public key, which signs the token each event arrives with */
  readonly opencrvsPublicKey: KeyObject | null;
  readonly partnerKey: KeyObject;
  readonly partnerCertDer: Buffer;
}

/** What `regclient bridge init` writes. */
export interface BridgeSetupInput {
  readonly config: CrvsBridgeConfig;
  readonly webhookToken: string;
  readonly websubSecret: string;
  /** `v1-graphql` only */
  readonly confirmToken: string | null;
  readonly partnerKeyPem: string;
}

/**
 * Writes the bridge's settings (plain JSON) and its four secrets (wrapped with the data dir's
 * wrapper, as the database and audit keys are), audited without any secret.
 */
export function saveBridgeSetup(data: OpenedDataDir, input: BridgeSetupInput, actor: string | null): void {
  const keyDir = join(data.dataDir, KEY_DIR);
  const partnerKey = createPrivateKey(input.partnerKeyPem);
  writeWrappedSecret(join(keyDir, SECRET_FILES.webhookToken), data.wrapper, Buffer.from(input.webhookToken));
  writeWrappedSecret(join(keyDir, SECRET_FILES.websubSecret), data.wrapper, Buffer.from(input.websubSecret));
  if (input.confirmToken !== null) writeWrappedSecret(join(keyDir, SECRET_FILES.confirmToken), data.wrapper, Buffer.from(input.confirmToken));
  else rmSync(join(keyDir, SECRET_FILES.confirmToken), { force: true });
  writeWrappedSecret(join(keyDir, SECRET_FILES.partnerKey), data.wrapper, partnerKey.export({ format: 'der', type: 'pkcs8' }));
  writeFileAtomic(join(data.dataDir, BRIDGE_CONFIG_FILE), `${JSON.stringify(input.config, null, 2)}\n`, 0o600);
  data.audit.append('CRVS_BRIDGE_CONFIGURED', actor, { partnerId: input.config.partnerId, confirmApi: input.config.confirmApi });
}

/** @throws AppError ERR_CRVS_NOT_CONFIGURED naming what is missing or unreadable */
export function loadBridgeSetup(data: OpenedDataDir): BridgeSetup {
  const configPath = join(data.dataDir, BRIDGE_CONFIG_FILE);
  if (!existsSync(configPath)) throw new AppError('ERR_CRVS_NOT_CONFIGURED', { what: BRIDGE_CONFIG_FILE });
  let config: CrvsBridgeConfig;
  try {
    config = CrvsBridgeConfig.parse(JSON.parse(readFileSync(configPath, 'utf8')));
  } catch (cause) {
    throw new AppError('ERR_CRVS_NOT_CONFIGURED', { what: `a readable ${BRIDGE_CONFIG_FILE}` }, { cause });
  }
  const secret = (name: keyof typeof SECRET_FILES): Buffer => {
    try {
      return readWrappedSecret(join(data.dataDir, KEY_DIR, SECRET_FILES[name]), data.wrapper);
    } catch (cause) {
      throw new AppError('ERR_CRVS_NOT_CONFIGURED', { what: SECRET_FILES[name] }, { cause });
    }
  };
  return {
    config,
    webhookToken: secret('webhookToken'),
    websubSecret: secret('websubSecret'),
    confirmToken: config.confirmApi === 'v1-graphql' ? secret('confirmToken').toString('utf8') : null,
    opencrvsPublicKey: config.opencrvsPublicKeyPem === undefined ? null : createPublicKey(config.opencrvsPublicKeyPem),
    partnerKey: createPrivateKey({ key: secret('partnerKey'), format: 'der', type: 'pkcs8' }),
    partnerCertDer: Buffer.from(new X509Certificate(config.partnerCertPem).raw),
  };
}
