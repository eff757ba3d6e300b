import type { MosipSimulator, Route } from '../MosipSimulator';
import { SYNCDATA } from '../mosipCodes';
import type { SimMachine } from '../SimState';
import { detachedJws, sha256HexUpper } from '../simCrypto';
import { errorReply, type SimReply } from '../simHttp';

/** The three entity types whose data is a URL to download (admin-services ClientSettingsHelper). */
export type SimUrlEntityType = 'structured-url' | 'dynamic-url' | 'script';

/** A file served by `clientsettings/{entity}` or `scripts/{name}`, as the server's disk holds it. */
export interface SimEntityFile {
  readonly entityName: string;
  readonly entityType: SimUrlEntityType;
  readonly content: string;
  /** `mosip.sync.entity.encrypted.<NAME>`: the body is a client-crypto envelope to the machine key */
  readonly encrypted: boolean;
  /** `mosip.sync.entity.only-on-fullsync.<NAME>` (MOSIP's default: true) */
  readonly onlyOnFullSync: boolean;
  /** `mosip.sync.entity.url.<NAME>` when a test wants another one (a foreign host, say) */
  readonly url?: string;
  /** serve it without a `file-signature` header, or with one over other content */
  readonly signature?: 'missing' | 'wrong';
}

/** Parses the admin body of `POST /_sim/entityfiles`. */
export function parseEntityFile(b: Record<string, unknown>): SimEntityFile {
  const type = b['entityType'];
  if (typeof b['entityName'] !== 'string' || !/^[A-Za-z0-9._-]+$/.test(b['entityName'])) throw new Error('entityName must be a file name');
  if (type !== 'structured-url' && type !== 'dynamic-url' && type !== 'script') throw new Error('entityType must be structured-url, dynamic-url or script');
  if (typeof b['content'] !== 'string') throw new Error('content must be a string');
  const signature = b['signature'] === 'missing' || b['signature'] === 'wrong' ? b['signature'] : undefined;
  return {
    entityName: b['entityName'],
    entityType: type,
    content: b['content'],
    encrypted: b['encrypted'] === true,
    onlyOnFullSync: b['onlyOnFullSync'] !== false,
    url: typeof b['url'] === 'string' ? b['url'] : undefined,
    signature,
  };
}

/**
 * The url detail MOSIP encrypts into the entity's `data` (ClientSettingsHelper.buildUrlDetailMap):
 * every value is the raw property string, so booleans arrive as "true" / "false".
 */
export function urlDetailOf(sim: MosipSimulator, file: SimEntityFile): Record<string, string> {
  const path = file.entityType === 'script' ? `/v1/syncdata/scripts/${file.entityName}` : `/v1/syncdata/clientsettings/${file.entityName}`;
  return {
    url: file.url ?? `${sim.url}${path}`,
    'auth-required': 'true',
    'auth-token': 'Authorization:OAUTH',
    encrypted: String(file.encrypted),
    headers: file.entityType === 'script' ? 'Content-Type:text/plain;charset=UTF-8' : 'Content-Type:application/json;charset=UTF-8',
  };
}

/**
 * `GET clientsettings/{entityIdentifier}` (SyncMasterDataServiceImpl.getClientSettingsJsonFile) and
 * `GET scripts/{scriptName}` (SyncConfigDetailsServiceImpl.getScript): machine by keyindex, else
 * KER-SNC-155; unknown file KER-SNC-170; header `file-signature` = KERNEL/SIGN JWS over
 * `{"hash":"<SHA-256 upper hex of the plain content>"}` (KeymanagerHelper.getFileSignature); body
 * plain or encrypted to the machine key. No Response-Signature: these handlers have no @ResponseFilter.
 */
export function entityFileRoutes(sim: MosipSimulator, withMachine: (keyIndex: string | null, fn: (m: SimMachine) => SimReply) => SimReply, encrypt: (m: SimMachine, plain: string) => string): Route[] {
  const serve = (kind: 'entity' | 'script') => (req: { query: URLSearchParams }, match: RegExpExecArray): SimReply =>
    withMachine(req.query.get('keyindex'), (m) => {
      const file = sim.entityFiles.get(decodeURIComponent(match[1]!));
      if (!file || (file.entityType === 'script') !== (kind === 'script')) return errorReply(sim.clock.now(), 'mosip.syncdata', SYNCDATA.CLIENT_SETTINGS_DATA_FILE_NOT_FOUND, 'Entity file not found');
      const signed = file.signature === 'wrong' ? `${file.content} ` : file.content;
      const hash = Buffer.from(JSON.stringify({ hash: sha256HexUpper(Buffer.from(signed, 'utf8')) }), 'utf8');
      const headers: Record<string, string> = { 'content-type': kind === 'script' ? 'text/plain' : 'application/octet-stream' };
      if (file.signature !== 'missing') headers['file-signature'] = detachedJws(sim.pki.kernelSign.privateKey, hash);
      return { status: 200, signed: false, headers, body: file.encrypted ? encrypt(m, file.content) : file.content };
    });
  return [
    { method: 'GET', pattern: /^\/v1\/syncdata\/clientsettings\/([^/]+)$/, auth: true, handler: serve('entity') },
    { method: 'GET', pattern: /^\/v1\/syncdata\/scripts\/([^/]+)$/, auth: true, handler: serve('script') },
  ];
}
