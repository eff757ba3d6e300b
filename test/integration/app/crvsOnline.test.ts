import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { SubmitResult } from '../../../schemas/api/registrationApi';
import type { OutboxItem, OutboxRunSummary } from '../../../schemas/outbox';
import type { FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import type { AppSettings } from '../../../schemas/settings';
import { KEY_DIR } from '../../../electron/host/openDataDir';
import { CRVS_CLIENT_SECRET_FILE } from '../../../electron/services/settings/CrvsClientSecretStore';
import type { RealBackEnd } from '../../helpers/realBackEnd';
import type { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { sampleRegistration, SMALL_SAMPLE } from '../../../electron/services/packets/sampleRegistration';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import { packetRequest } from '../../helpers/packetRequest';
import { admin } from '../sync/syncTestBed';
import { openServerBackEnd, operatorWindows, type ServerBackEnd } from './serverBackEnd';
import { PARENT_UIN, birthQr, mosipDay } from './crvsFixtures';
import { replyValue } from '../../helpers/replyValue';

const CONSENT: Readonly<Record<string, FormFieldValue>> = { consent: { type: 'flag', checked: true }, preferredLang: { type: 'code', code: 'por' } };
const DAY = 86_400_000;
/** the simulator's seeded CRVS client (test/sims/mosip/seedData.ts) */
const CLIENT = { clientId: 'opencrvs-partner', secret: 'sim-opencrvs-secret' };
const WORKFLOW = '/registrationprocessor/v1/workflowmanager/workflowinstance';
const CREATE = '/commons/v1/packetmanager/createPacket';

type SimPacket = { registrationId: string; registrationType: string; status: string; uin: string | null; synced: number; uploaded: number; created: number; workflowInstances: number };
type SimIdentity = { uin: string; fields: Record<string, unknown>; deceased: boolean };

/**
 * Issue 16 item 2, the online path: with `civilRegistration.delivery = online` a CRVS_NEW /
 * CRVS_DEATH packet goes to the simulator by the CRVS client's token → createPacket →
 * workflowinstance through the same outbox, never by RID sync + upload; the status phase then
 * follows the RID to PROCESSED. Faults: a null createPacket, a failure between the two calls, a
 * lost workflowinstance answer, MOSIP down, a wrong client secret. The simulator counts creations
 * and workflow instances per RID: each must be exactly one.
 */
describe('civil registration delivered online (createPacket + workflowinstance) through the outbox', () => {
  let bed: ServerBackEnd;
  let server: MosipSimulator;
  let backEnd: RealBackEnd;
  const value = replyValue;
  const { officer, supervisor } = operatorWindows(() => backEnd);
  const now = () => backEnd.clock.now();
  const run = (): Promise<OutboxRunSummary> => backEnd.services.sync.outbox.run({ ignoreBackoff: true });
  const simPacket = async (rid: string) => Object.values((await admin(server, 'stats', undefined, 'GET'))['packets'] as Record<string, SimPacket>).find((p) => p.registrationId === rid);
  const requests = async (path: string) => ((await admin(server, 'stats', undefined, 'GET'))['requests'] as Record<string, number>)[path] ?? 0;
  const item = async (rid: string) => value<{ items: OutboxItem[] }>(await supervisor('packets.list', { search: rid })).items.find((p) => p.rid === rid);
  const fault = (endpoint: string, kind: string, extra: Record<string, unknown> = {}) => admin(server, 'faults', { endpoint, kind, times: 1, ...extra });

  async function configure(delivery: 'online' | 'offline', secret = CLIENT.secret): Promise<void> {
    const current = value<AppSettings>(await supervisor('settings.get', {}));
    value(await supervisor('settings.update', { ...current, civilRegistration: { delivery, appId: 'regproc', clientId: CLIENT.clientId, source: 'OPENCRVS' } }));
    value(await supervisor('settings.setCrvsClientSecret', { secretKey: secret }));
  }

  /** A CRVS_NEW registration from the birth QR, the parent's face captured, submitted and approved: its RID. */
  async function birth(): Promise<string> {
    const draft = value<RegistrationDraft>(await officer('drafts.create', { process: 'CRVS_NEW', languages: ['por'] }));
    value(await officer('drafts.save', { draft: { ...draft, values: { ...draft.values, ...CONSENT } } }));
    value(await officer('drafts.applyBirthRecord', { draftId: draft.draftId, text: JSON.stringify(birthQr(now())) }));
    value(await officer('drafts.captureBiometrics', { draftId: draft.draftId, fieldId: 'introducerBiometrics', modality: 'face', exceptions: [] }));
    return submitAndApprove(draft.draftId);
  }

  async function submitAndApprove(draftId: string): Promise<string> {
    const { packet } = value<SubmitResult>(await officer('drafts.submit', { draftId, receiptLanguage: 'por', password: 'Officer#2026' }));
    value(await supervisor('packets.approve', { ids: [packet.rid], password: 'Supervisor#2026' }));
    return packet.rid;
  }

  /** A NEW packet of the sample registration (MOSIP's sample ID schema), approved: not a CRVS process. */
  async function newSamplePacket(): Promise<{ rid: string }> {
    const { rid, ...registration } = sampleRegistration({ now: now(), sizes: SMALL_SAMPLE }) as Record<string, unknown>;
    void rid; // the builder gives the RID
    const { identity } = backEnd.services.data;
    const input = { ...registration, centreId: identity.centreId, machineId: identity.machineId, createdAt: now(), operators: { officerId: 'officer1', officerPassword: false } };
    const built = await backEnd.services.packets.build(packetRequest('sample-new', input, 'officer1', { idSchema: parseIdSchema(SAMPLE_ID_SCHEMA) }));
    value(await supervisor('packets.approve', { ids: [built.rid], password: 'Supervisor#2026' }));
    return built;
  }

  before(async () => {
    bed = await openServerBackEnd('regclient-crvs-online-');
    ({ server, backEnd } = bed);
    value(await officer('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
    value(await supervisor('auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }));
  });
  beforeEach(async () => {
    await admin(server, 'faults', undefined, 'DELETE');
    await configure('online');
  });
  after(async () => {
    await bed?.close();
  });

  it('keeps the client secret out of the settings, the database and the page; only a supervisor sets it', async () => {
    const secret = 'a-secret-only-the-server-knows-41';
    assert.equal((await officer('settings.setCrvsClientSecret', { secretKey: secret })).ok, false, 'an officer may not set it');
    assert.deepEqual(value(await supervisor('settings.setCrvsClientSecret', { secretKey: secret })), { configured: true });
    assert.deepEqual(value(await officer('settings.crvsClientSecret', {})), { configured: true });
    const shown = JSON.stringify(value(await officer('settings.get', {})));
    assert.ok(shown.includes('"delivery":"online"') && !shown.includes(secret), 'settings.get shows the path, never the secret');
    const db = backEnd.services.data.db;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) assert.ok(!JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()).includes(secret), `not in table ${table}`);
    const wrapped = readFileSync(join(backEnd.dataDir, KEY_DIR, CRVS_CLIENT_SECRET_FILE));
    assert.ok(!wrapped.includes(secret) && !wrapped.includes(Buffer.from(secret).toString('base64')), 'the file holds it wrapped');
    assert.deepEqual(backEnd.services.crvsSecret.read(), secret, 'and it unwraps to what was set');
  });

  it('delivers a birth by createPacket + workflowinstance (no RID sync, no upload): PROCESSED, the child has a UIN', async () => {
    const syncsBefore = await requests('/registrationprocessor/v1/registrationstatus/syncV2');
    const rid = await birth();
    const first = await run();
    assert.deepEqual(first.uploaded, [rid], JSON.stringify(first));
    assert.equal((await item(rid))?.state, 'UPLOADED');
    const onServer = await simPacket(rid);
    assert.deepEqual([onServer?.registrationType, onServer?.status, onServer?.created, onServer?.workflowInstances, onServer?.uploaded], ['CRVS_NEW', 'RECEIVED', 1, 1, 0]);
    assert.equal(await requests('/registrationprocessor/v1/registrationstatus/syncV2'), syncsBefore, 'no RID sync');
    await admin(server, 'advance', { steps: 2 });
    await run();
    const done = await item(rid);
    assert.deepEqual([done?.state, done?.serverStatus], ['DONE', 'PROCESSED']);
    const packet = await simPacket(rid);
    assert.match(packet?.uin ?? '', /^\d{10}$/);
    const child = ((await admin(server, 'identities', undefined, 'GET'))['identities'] as SimIdentity[]).find((i) => i.uin === packet?.uin);
    assert.deepEqual([child?.fields['birthCertificateNumber'], child?.fields['introducerUIN'], child?.deceased], ['AG-2026/00123', PARENT_UIN, false]);
  });

  it('delivers a death online: the identity is marked deceased and keeps its UIN', async () => {
    const person = await admin(server, 'identities', { fields: { fullName: [{ language: 'por', value: 'Tomé Viegas' }] } });
    const draft = value<RegistrationDraft>(await officer('drafts.create', { process: 'CRVS_DEATH', languages: ['por'] }));
    const values: Record<string, FormFieldValue> = {
      ...CONSENT, UIN: { type: 'text', value: String(person['uin']) }, declaredAsDeceased: { type: 'flag', checked: true },
      deceasedDeclarationDate: { type: 'text', value: mosipDay(now() - DAY) }, typeOfDeath: { type: 'code', code: 'NATURAL' }, deceasedInformer: { type: 'text', value: PARENT_UIN },
    };
    value(await officer('drafts.save', { draft: { ...draft, values: { ...draft.values, ...values } } }));
    const rid = await submitAndApprove(draft.draftId);
    assert.deepEqual((await run()).uploaded, [rid]);
    await admin(server, 'advance', { steps: 2 });
    await run();
    assert.deepEqual([(await simPacket(rid))?.uin, (await item(rid))?.serverStatus], [person['uin'], 'PROCESSED']);
    const deceased = ((await admin(server, 'identities', undefined, 'GET'))['identities'] as SimIdentity[]).find((i) => i.uin === person['uin']);
    assert.equal(deceased?.deceased, true);
  });

  it('treats a null createPacket answer as a failure: retried later, then created once', async () => {
    const rid = await birth();
    await fault(CREATE, 'nullResponse');
    const first = await run();
    assert.deepEqual(first.uploaded, []);
    const waiting = await item(rid);
    assert.deepEqual([waiting?.state, waiting?.lastErrorCode], ['READY', 'ERR_SYNC_CRVS_CREATE_PACKET_FAILED']);
    assert.equal(await simPacket(rid), undefined, 'nothing on the server');
    assert.deepEqual((await run()).uploaded, [rid]);
    const p = await simPacket(rid);
    assert.deepEqual([p?.created, p?.workflowInstances], [1, 1]);
  });

  it('after a failure between createPacket and workflowinstance, goes straight to workflowinstance: one packet, one workflow', async () => {
    const rid = await birth();
    await fault(WORKFLOW, 'reset');
    const first = await run();
    assert.deepEqual([first.uploaded, (await item(rid))?.lastErrorCode], [[], 'ERR_SYNC_UNREACHABLE']);
    assert.deepEqual([(await simPacket(rid))?.created, (await simPacket(rid))?.workflowInstances], [1, 0]);
    assert.deepEqual((await run()).uploaded, [rid]);
    const p = await simPacket(rid);
    assert.deepEqual([p?.created, p?.workflowInstances], [1, 1]);
  });

  it('counts "workflow already present" (RPR-WIS-001) after a lost answer as started', async () => {
    const rid = await birth();
    await fault(WORKFLOW, 'status', { status: 503 });
    await run();
    // the lost call had reached regproc: the workflow exists though the client never heard so
    const login = await fetch(`${server.url}/v1/authmanager/authenticate/clientidsecretkey`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request: { clientId: CLIENT.clientId, secretKey: CLIENT.secret, appId: 'regproc' } }) });
    const cookie = /Authorization=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const started = await fetch(`${server.url}${WORKFLOW}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'mosip.registration.processor.workflow.instance', version: 'v1', requesttime: new Date(now()).toISOString(), request: { registrationId: rid, process: 'CRVS_NEW', source: 'OPENCRVS' } }) });
    assert.equal(((await started.json()) as { errors: unknown }).errors, null);
    assert.deepEqual((await run()).uploaded, [rid]);
    const p = await simPacket(rid);
    assert.deepEqual([p?.created, p?.workflowInstances, (await item(rid))?.state], [1, 1, 'UPLOADED']);
  });

  it('waits out MOSIP being down and delivers once it is back, once', async () => {
    const rid = await birth();
    await server.kill();
    try {
      const down = await run();
      assert.deepEqual(down.uploaded, []);
      assert.equal((await item(rid))?.lastErrorCode, 'ERR_SYNC_UNREACHABLE');
    } finally {
      await server.revive();
    }
    assert.deepEqual((await run()).uploaded, [rid]);
    assert.deepEqual((await run()).uploaded, [], 'nothing sent twice');
    const p = await simPacket(rid);
    assert.deepEqual([p?.created, p?.workflowInstances], [1, 1]);
  });

  it('parks the packet when the server refuses the client secret, naming the setting; delivered once it is fixed', async () => {
    const earlier = await birth();
    assert.deepEqual((await run()).uploaded, [earlier], 'delivered with the right secret: the client holds a token');
    await configure('online', 'not-the-secret');
    const rid = await birth();
    const refused = await run();
    const parked = refused.parked.find((p) => p.rid === rid);
    assert.deepEqual([parked?.code, parked?.details['setting'], parked?.details['clientId']], ['ERR_SYNC_CRVS_CLIENT_REFUSED', 'civilRegistration', CLIENT.clientId]);
    assert.equal((await item(rid))?.state, 'PARKED');
    assert.equal(await simPacket(rid), undefined);
    await configure('online');
    value(await supervisor('outbox.requeue', { id: rid }));
    assert.deepEqual((await run()).uploaded, [rid]);
  });

  it('parks with ERR_SYNC_CRVS_NOT_CONFIGURED when online is chosen without a client id', async () => {
    const earlier = await birth();
    assert.deepEqual((await run()).uploaded, [earlier], 'delivered while configured: the client holds a token');
    const current = value<AppSettings>(await supervisor('settings.get', {}));
    value(await supervisor('settings.update', { ...current, civilRegistration: { ...current.civilRegistration, clientId: null } }));
    const rid = await birth();
    const parked = (await run()).parked.find((p) => p.rid === rid);
    assert.deepEqual([parked?.code, parked?.details['setting']], ['ERR_SYNC_CRVS_NOT_CONFIGURED', 'civilRegistration.clientId']);
  });

  it('keeps the client path (RID sync + upload) for other processes while online, and for CRVS when offline', async () => {
    const other = (await newSamplePacket()).rid;
    const whileOnline = await run();
    assert.deepEqual([whileOnline.synced, whileOnline.uploaded], [[other], [other]], 'a NEW packet is not sent by createPacket');
    assert.deepEqual([(await simPacket(other))?.created, (await simPacket(other))?.registrationType], [0, 'NEW']);
    await configure('offline');
    const rid = await birth();
    const summary = await run();
    assert.deepEqual([summary.synced, summary.uploaded], [[rid], [rid]]);
    const p = await simPacket(rid);
    assert.deepEqual([p?.synced, p?.uploaded, p?.created, p?.workflowInstances], [1, 1, 0, 0]);
  });
});
