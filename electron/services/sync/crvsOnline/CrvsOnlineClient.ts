import { z } from 'zod';
import { CrvsPacketInfo, CrvsWorkflowInstance, type CrvsPacketContent } from '../../../../schemas/crvsOnline';
import { AppError } from '../../../../schemas/errors';
import type { RidSyncContact } from '../../../../schemas/packet';
import type { Clock } from '../../../../native/time/Clock';
import { errorFromHttpStatus, errorFromMosipErrors } from '../classifyMosipError';
import { MosipHttpClient, parseOrThrow } from '../MosipHttpClient';
import { formatMosipTime } from '../mosipTime';

const AUTH_PATH = '/v1/authmanager/authenticate/clientidsecretkey';
const CREATE_PATH = '/commons/v1/packetmanager/createPacket';
const WORKFLOW_PATH = '/registrationprocessor/v1/workflowmanager/workflowinstance';
/**
 * `mosip.regproc.workflow-manager.instance.api-id` / `.version`: deployment properties the
 * validator compares with (WorkflowInstanceRequestValidator); these are the reference's (§4.8).
 */
const WORKFLOW_API_ID = 'mosip.registration.processor.workflow.instance';
const WORKFLOW_API_VERSION = 'v1';
/** RPR_WIS_ALREADY_PRESENT_EXCEPTION: a workflow for this RID + process exists (an earlier answer was lost) */
const WORKFLOW_ALREADY_PRESENT = 'RPR-WIS-001';

/** The CRVS client's authmanager credentials (settings civilRegistration + the wrapped secret). */
export interface CrvsCredentials {
  readonly appId: string;
  readonly clientId: string;
  readonly secretKey: string;
}

/**
 * MOSIP's three CRVS calls (registration docs/crvs-mosip-integration.md): authmanager
 * `clientidsecretkey` (token only in Set-Cookie), Packet Manager `createPacket`, regproc
 * `workflowinstance`. Its own session, apart from the operator's: the CRVS client has its own role.
 * None of the three signs its answers (no Response-Signature to check).
 */
export class CrvsOnlineClient {
  readonly #http: MosipHttpClient;
  readonly #clock: Clock;
  #token: string | undefined;

  constructor(o: Readonly<{ baseUrl: string; clock: Clock; timeoutMs?: number }>) {
    this.#clock = o.clock;
    this.#http = new MosipHttpClient({ baseUrl: o.baseUrl, clock: o.clock, token: () => this.#token, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
  }

  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  forgetToken(): void {
    this.#token = undefined;
  }

  /**
   * @throws AppError ERR_SYNC_CRVS_CLIENT_REFUSED (credentials refused), ERR_SYNC_* (network, 5xx)
   */
  async authenticate(c: CrvsCredentials, signal?: AbortSignal): Promise<void> {
    const res = await this.#http.send({
      method: 'POST', path: AUTH_PATH, auth: false, signed: false, acceptStatuses: [500], ...(signal ? { signal } : {}),
      json: { id: 'mosip.io.clientId.pwd', version: '1.0', requesttime: formatMosipTime(this.#clock.now()), metadata: {}, request: { clientId: c.clientId, secretKey: c.secretKey, appId: c.appId } },
    });
    const refused = (errorCode: string) => new AppError('ERR_SYNC_CRVS_CLIENT_REFUSED', { setting: 'civilRegistration', clientId: c.clientId, errorCode });
    if (res.status === 500) {
      // AuthServiceImpl.authenticateWithSecretKey lets Keycloak's 401 reach the default handler:
      // HTTP 500 whose message names the 401. Any other 500 is the server's trouble: retried.
      const first = firstError(res.body);
      if (first && /401/.test(first.message)) throw refused(first.errorCode);
      throw errorFromHttpStatus(AUTH_PATH, res.status, res.headers, res.body, this.#clock.now());
    }
    // a refusal in an HTTP 200 body (errors[]) is the credentials' too
    const inBody = firstError(res.body);
    if (inBody) throw refused(inBody.errorCode);
    const cookie = [res.headers['set-cookie'] ?? []].flat().map((h) => /(?:^|;\s*)Authorization=([^;]+)/.exec(h)?.[1]).find((t) => t !== undefined);
    if (!cookie) throw refused('NO_TOKEN');
    this.#token = cookie;
  }

  /**
   * PUT createPacket. MOSIP's PacketWriter.createPacket catches every failure and answers a null
   * response: that is a failure to retry, never a success.
   * @throws AppError ERR_SYNC_CRVS_CREATE_PACKET_FAILED, ERR_SYNC_REJECTED (e.g. KER-PUT-006: no provider for the source), ERR_SYNC_*
   */
  async createPacket(content: CrvsPacketContent, source: string, signal?: AbortSignal): Promise<void> {
    const wrapper = await this.#http.callWrapper({
      method: 'PUT', path: CREATE_PATH, signed: false, ...(signal ? { signal } : {}),
      json: { id: 'mosip.registration.packet.writer', version: 'v1', requesttime: formatMosipTime(this.#clock.now()), request: { ...content, source } },
    });
    if (wrapper.errors && wrapper.errors.length > 0) throw errorFromMosipErrors(CREATE_PATH, 200, wrapper.errors, this.#clock.now(), wrapper.responsetime ?? undefined);
    if (wrapper.response === null || wrapper.response === undefined) throw new AppError('ERR_SYNC_CRVS_CREATE_PACKET_FAILED', { rid: content.id });
    const written = parseOrThrow(CREATE_PATH, z.array(CrvsPacketInfo), wrapper.response);
    if (written.length === 0 || written.some((p) => p.id !== content.id)) throw new AppError('ERR_SYNC_CRVS_CREATE_PACKET_FAILED', { rid: content.id });
  }

  /**
   * POST workflowinstance for a created packet.
   * @returns the workflow instance id, or null when regproc already has one for this RID + process
   * @throws AppError ERR_SYNC_REJECTED, ERR_SYNC_*
   */
  async startWorkflow(w: Readonly<{ rid: string; process: string; source: string; additionalInfoReqId: string | null; contact: RidSyncContact | null }>, signal?: AbortSignal): Promise<string | null> {
    const wrapper = await this.#http.callWrapper({
      method: 'POST', path: WORKFLOW_PATH, signed: false, ...(signal ? { signal } : {}),
      json: {
        id: WORKFLOW_API_ID, version: WORKFLOW_API_VERSION, requesttime: formatMosipTime(this.#clock.now()),
        request: {
          registrationId: w.rid, process: w.process, source: w.source, additionalInfoReqId: w.additionalInfoReqId ?? '',
          // kept encrypted as the sync record's optionalValues, for the resident's notifications
          notificationInfo: { name: w.contact?.name ?? null, phone: w.contact?.phone ?? null, email: w.contact?.email ?? null },
        },
      },
    });
    if (wrapper.errors && wrapper.errors.length > 0) {
      if (wrapper.errors.some((e) => e.errorCode === WORKFLOW_ALREADY_PRESENT)) return null;
      throw errorFromMosipErrors(WORKFLOW_PATH, 200, wrapper.errors, this.#clock.now(), wrapper.responsetime ?? undefined);
    }
    return parseOrThrow(WORKFLOW_PATH, CrvsWorkflowInstance, wrapper.response).workflowInstanceId;
  }
}

function firstError(body: Buffer): { errorCode: string; message: string } | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: { errorCode?: unknown; message?: unknown }[] };
    const e = parsed.errors?.[0];
    return e ? { errorCode: String(e.errorCode ?? ''), message: String(e.message ?? '') } : undefined;
  } catch {
    return undefined;
  }
}
