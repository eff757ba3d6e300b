import type { KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError, isAppError } from '../../../schemas/errors';
import { type ClientSettingsEntity, MasterDataRow, SyncEntityUrlDetail, URL_ENTITY_TYPES, type UrlEntityType } from '../../../schemas/mosipSync';
import { decryptClientCrypto, decryptClientCryptoJson } from './clientCrypto';
import type { MosipHttpClient } from './MosipHttpClient';
import { parseOrThrow } from './MosipHttpClient';
import { DYNAMIC_FIELD_ENTITY } from './masterDataKeys';
import { checkResponseSignature } from './responseSignature';

/** Where downloaded scripts (applicanttype.mvel, …) are kept: one master-data row per file name. */
export const SCRIPT_ENTITY = 'SyncScript';

/** No MOSIP entity file comes near this; a bigger one is a misconfiguration or an attack. */
export const DEFAULT_MAX_ENTITY_BYTES = 16 * 1024 * 1024;

/** What a `*-url` entity turns into: rows to apply under `stored`. */
export interface UrlEntityRows {
  readonly stored: string;
  readonly rows: readonly MasterDataRow[];
}

export interface UrlEntityContext {
  readonly http: MosipHttpClient;
  readonly serverUrl: string;
  readonly keyIndex: string;
  readonly machinePrivateKey: KeyObject;
  /** the pinned KERNEL/SIGN key; the `file-signature` must verify with it */
  readonly signKey: KeyObject | undefined;
  readonly maxBytes: number;
  readonly extraQuery: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/**
 * One v2/clientsettings entity as rows to store: `structured` / `dynamic` decrypted inline (a
 * dynamic entity is one field, kept with the others under DYNAMIC_FIELD_ENTITY), `*-url` ones
 * downloaded; other types are not for this client (undefined).
 */
export async function entityBatch(ctx: UrlEntityContext, entity: z.infer<typeof ClientSettingsEntity>): Promise<UrlEntityRows | undefined> {
  if (!entity.data) return undefined;
  const type = entity.entityType.toLowerCase();
  if ((URL_ENTITY_TYPES as readonly string[]).includes(type)) return fetchUrlEntity(ctx, entity.entityName, type as UrlEntityType, entity.data);
  if (type !== 'structured' && type !== 'dynamic') return undefined;
  const rows = parseOrThrow(CLIENT_SETTINGS, z.array(MasterDataRow), decryptClientCryptoJson(ctx.machinePrivateKey, entity.data, `master data ${entity.entityName}`));
  return { stored: type === 'dynamic' ? DYNAMIC_FIELD_ENTITY : entity.entityName, rows };
}

const CLIENT_SETTINGS = '/v1/syncdata/v2/clientsettings';

/**
 * Downloads and verifies one `structured-url` / `dynamic-url` / `script` entity the way the 1.2
 * Java client does (registration-client ClientSettingSyncHelper.downloadUrlData → ServiceDelegateUtil.download
 * → RestClientUtil.downloadFile, checked by ResponseSignatureAdvice.fileSignatureValidation), and
 * returns the rows to store. Unlike the Java client, a URL off the configured server is refused:
 * the session cookie must never leave for another host.
 * @throws AppError ERR_SYNC_ENTITY_URL_FOREIGN_HOST, ERR_SYNC_ENTITY_TOO_LARGE, ERR_SYNC_SIGNATURE_INVALID,
 *   ERR_SYNC_DECRYPT_FAILED, ERR_SYNC_BAD_RESPONSE, ERR_SYNC_*
 */
export async function fetchUrlEntity(ctx: UrlEntityContext, entityName: string, entityType: UrlEntityType, data: string): Promise<UrlEntityRows> {
  const detail = parseOrThrow(`clientsettings ${entityName}`, SyncEntityUrlDetail, decryptClientCryptoJson(ctx.machinePrivateKey, data, `url of ${entityName}`));
  const { path, query } = sameServerPath(ctx.serverUrl, detail.url, entityName);
  let raw;
  try {
    raw = await ctx.http.send({
      method: 'GET',
      path,
      // ServiceDelegateUtil.download adds keyindex unless the URL template names it
      query: { ...query, keyindex: ctx.keyIndex, ...ctx.extraQuery },
      headers: requestHeaders(detail.headers),
      auth: detail['auth-required'],
      signed: false, // the file is signed in its own header, not with Response-Signature
      maxBytes: ctx.maxBytes,
      signal: ctx.signal,
    });
  } catch (err) {
    if (isAppError(err) && err.is('ERR_SYNC_RESPONSE_TOO_LARGE')) throw new AppError('ERR_SYNC_ENTITY_TOO_LARGE', { entity: entityName, limitBytes: ctx.maxBytes }, { cause: err });
    throw err;
  }
  const plain = detail.encrypted ? decryptClientCrypto(ctx.machinePrivateKey, raw.body.toString('utf8'), `file ${entityName}`) : raw.body;
  const header = raw.headers['file-signature'];
  verifyFileSignature(path, Array.isArray(header) ? header[0] : header, plain, ctx.signKey);
  return toRows(path, entityName, entityType, plain, Array.isArray(header) ? header[0]! : header!);
}

/**
 * The URL must be on the configured server (same origin, under its base path). MOSIP writes
 * `${mosip.hostname}` for the server's own host (ServiceDelegateUtil.prepareURLByHostName).
 */
export function sameServerPath(serverUrl: string, url: string, entity: string): { path: string; query: Record<string, string> } {
  const base = new URL(serverUrl);
  let target: URL;
  try {
    target = new URL(url.replaceAll('${mosip.hostname}', base.host));
  } catch (cause) {
    throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint: `clientsettings ${entity}`, reason: 'the entity url is not a URL' }, { cause });
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  if (target.origin !== base.origin || !target.pathname.startsWith(`${basePath}/`)) {
    throw new AppError('ERR_SYNC_ENTITY_URL_FOREIGN_HOST', { entity, host: target.host + target.pathname, serverHost: base.host + basePath });
  }
  return { path: target.pathname.slice(basePath.length), query: Object.fromEntries(target.searchParams) };
}

/** `Name:value,Name2:value2`; headers that carry identity or framing stay ours. */
function requestHeaders(spec: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (spec ?? '').split(',')) {
    const at = part.indexOf(':');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim().toLowerCase();
    if (['cookie', 'authorization', 'host', 'content-length', 'transfer-encoding', 'timestamp'].includes(name)) continue;
    out[name] = part.slice(at + 1).trim();
  }
  return out;
}

/** KERNEL/SIGN JWS over `{"hash":"<SHA-256 upper hex of the plain file>"}` (KeymanagerHelper.getFileSignature). */
function verifyFileSignature(endpoint: string, signature: string | undefined, plain: Buffer, signKey: KeyObject | undefined): void {
  if (!signKey) throw new AppError('ERR_SYNC_SIGNATURE_INVALID', { endpoint, reason: 'no KERNEL/SIGN certificate is pinned to check the file-signature with' });
  const hash = createHash('sha256').update(plain).digest('hex').toUpperCase();
  const reason = checkResponseSignature(signature, Buffer.from(`{"hash":"${hash}"}`, 'utf8'), signKey);
  if (reason) throw new AppError('ERR_SYNC_SIGNATURE_INVALID', { endpoint, reason: `file-signature: ${reason.replace('Response-Signature', 'file-signature')}` });
}

const DynamicFieldFile = z.array(MasterDataRow);
const DynamicFieldDtoBundle = z.array(z.object({ data: z.string().nullish() }).loose());

/** Applies a verified file as ClientSettingSyncHelper does for its entity type. */
function toRows(endpoint: string, entityName: string, entityType: UrlEntityType, plain: Buffer, signature: string): UrlEntityRows {
  if (entityType === 'script') {
    if (!/^[A-Za-z0-9._-]+$/.test(entityName)) throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint, reason: 'script name is not a plain file name' });
    return { stored: SCRIPT_ENTITY, rows: [{ id: entityName, fileName: entityName, content: plain.toString('utf8'), fileSignature: signature }] };
  }
  const json = parseJson(endpoint, plain);
  if (entityType === 'structured-url') return { stored: entityName, rows: parseOrThrow(endpoint, z.array(MasterDataRow), json) };
  // handleDynamicURLFieldSync: `DynamicFieldDto` is a list of {data: "<json list of DynamicFieldDto>"}; else the list itself
  if (entityName.toLowerCase() !== 'dynamicfielddto') return { stored: DYNAMIC_FIELD_ENTITY, rows: parseOrThrow(endpoint, DynamicFieldFile, json) };
  const rows = parseOrThrow(endpoint, DynamicFieldDtoBundle, json).flatMap((dto) => (dto.data ? parseOrThrow(endpoint, DynamicFieldFile, parseJson(endpoint, Buffer.from(dto.data, 'utf8'))) : []));
  return { stored: DYNAMIC_FIELD_ENTITY, rows };
}

function parseJson(endpoint: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (cause) {
    throw new AppError('ERR_SYNC_BAD_RESPONSE', { endpoint, reason: 'the entity file is not JSON' }, { cause });
  }
}
