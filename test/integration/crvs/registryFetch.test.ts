import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BirthRecordApplied } from '../../../schemas/birthCertificateQr';
import type { RegistrationDraft } from '../../../schemas/registrationForm';
import type { AppSettings } from '../../../schemas/settings';
import type { RealBackEnd } from '../../helpers/realBackEnd';
import { replyValue } from '../../helpers/replyValue';
import { OpenCrvsSimulator } from '../../sims/opencrvs/OpenCrvsSimulator';
import { isoDay, PARENT_UIN } from '../app/crvsFixtures';
import { openServerBackEnd, type ServerBackEnd } from '../app/serverBackEnd';

const DAY = 86_400_000;
const CLIENT = { id: 'regclient-stp', secret: 'registry-secret-0123456789' };

/**
 * Issue 16: an officer fetches a CRVS_NEW draft's birth record from the civil registry by its
 * number, through the app's Router (`drafts.fetchBirthRecord`), over real HTTP to the OpenCRVS
 * simulator's auth token and record search. What the registry answers fills the same fields the
 * QR fills and names them; every refusal names its code and fills nothing.
 */
describe('drafts.fetchBirthRecord: the birth record from the civil registry (OpenCRVS record search)', () => {
  let bed: ServerBackEnd;
  let backEnd: RealBackEnd;
  let crvs: OpenCrvsSimulator;
  const call = (connectionId: string, method: string, input: unknown) => backEnd.services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const officer = (method: string, input: unknown) => call('officer-window', method, input);
  const supervisor = (method: string, input: unknown) => call('supervisor-window', method, input);
  const now = () => backEnd.clock.now();
  const errorCode = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
    const r = await p;
    assert.equal(r.ok, false, 'refused');
    return r.error?.code;
  };

  async function configure(o: { delivery?: 'online' | 'offline'; registry?: boolean; secret?: string } = {}): Promise<void> {
    const current = replyValue<AppSettings>(await supervisor('settings.get', {}));
    const registry = o.registry === false ? null : { searchUrl: `${crvs.url}/api/events`, tokenUrl: `${crvs.url}/auth/token`, clientId: CLIENT.id };
    replyValue(await supervisor('settings.update', { ...current, civilRegistration: { ...current.civilRegistration, delivery: o.delivery ?? 'online', registry } }));
    replyValue(await supervisor('settings.setCrvsRegistrySecret', { secretKey: o.secret ?? CLIENT.secret }));
  }
  const newDraft = async () => replyValue<RegistrationDraft>(await officer('drafts.create', { process: 'CRVS_NEW', languages: ['por'] })).draftId;
  const fetchRecord = (draftId: string, birthRegistrationNumber: string) => officer('drafts.fetchBirthRecord', { draftId, birthRegistrationNumber });

  before(async () => {
    bed = await openServerBackEnd('regclient-crvs-registry-');
    ({ backEnd } = bed);
    crvs = await new OpenCrvsSimulator('unused-graphql-token-0123456789', { now }).start();
    crvs.registry.clients.set(CLIENT.id, CLIENT.secret);
    crvs.registry.addBirth({ registrationNumber: 'AG-2026/00777', registeredOn: isoDay(now() - 5 * DAY), child: { firstname: 'Ana', surname: 'Quaresma Trovoada', dob: isoDay(now() - 20 * DAY), gender: 'female' }, mother: { firstname: 'Maria da Graça', surname: 'Quaresma', nid: PARENT_UIN } });
    crvs.registry.addBirth({ registrationNumber: 'AG-2026/00778', registeredOn: isoDay(now() - 3 * DAY), child: { firstname: 'Tomé', surname: 'Viegas', dob: isoDay(now() - 10 * DAY), gender: 'unknown' } });
    replyValue(await officer('auth.login', { userId: 'officer1', password: 'Officer#2026' }));
    replyValue(await supervisor('auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' }));
  });
  beforeEach(async () => {
    crvs.down = false;
    crvs.registry.hostile = undefined;
    await configure();
  });
  after(async () => {
    await crvs?.close();
    await bed?.close();
  });

  it('fills the record, the child and the mother as introducer, and names the fields it filled', async () => {
    const draftId = await newDraft();
    const { draft, applied } = replyValue<{ draft: RegistrationDraft; applied: BirthRecordApplied }>(await fetchRecord(draftId, 'AG-2026/00777'));
    assert.equal(applied.birthCertificateNumber, 'AG-2026/00777');
    assert.deepEqual([...applied.prefilledFields].sort(), ['birthCertificateNumber', 'birthRegistrationDate', 'dateOfBirth', 'fullName', 'gender', 'introducerName', 'introducerUIN']);
    const v = draft.values;
    assert.deepEqual(v['birthCertificateNumber'], { type: 'text', value: 'AG-2026/00777' });
    assert.deepEqual(v['birthRegistrationDate'], { type: 'text', value: isoDay(now() - 5 * DAY).replaceAll('-', '/') });
    assert.deepEqual(v['fullName'], { type: 'localized', values: { por: 'Ana Quaresma Trovoada' } });
    assert.deepEqual(v['gender'], { type: 'code', code: 'FLE' });
    assert.deepEqual(v['introducerUIN'], { type: 'text', value: PARENT_UIN });
  });

  it('a second fetch with another number replaces the record; a sex OpenCRVS cannot map and a mother without an ID are left for the operator', async () => {
    const draftId = await newDraft();
    replyValue(await fetchRecord(draftId, 'AG-2026/00777'));
    const { draft, applied } = replyValue<{ draft: RegistrationDraft; applied: BirthRecordApplied }>(await fetchRecord(draftId, 'AG-2026/00778'));
    assert.deepEqual([...applied.prefilledFields].sort(), ['birthCertificateNumber', 'birthRegistrationDate', 'dateOfBirth', 'fullName']);
    assert.deepEqual([draft.values['birthCertificateNumber'], draft.values['fullName']], [{ type: 'text', value: 'AG-2026/00778' }, { type: 'localized', values: { por: 'Tomé Viegas' } }]);
  });

  it('refuses with its own code and fills nothing: not found, wrong secret, offline deployment, no registry, registry down, a flood, a wrong shape', async () => {
    const draftId = await newDraft();
    const before = replyValue<RegistrationDraft>(await officer('drafts.get', { draftId })).values;
    assert.equal(await errorCode(fetchRecord(draftId, 'AG-2026/99999')), 'ERR_CRVS_REGISTRY_NOT_FOUND');
    await configure({ secret: 'not-the-secret-0123456789' });
    assert.equal(await errorCode(fetchRecord(draftId, 'AG-2026/00777')), 'ERR_CRVS_REGISTRY_REFUSED');
    await configure({ delivery: 'offline' });
    assert.equal(await errorCode(fetchRecord(draftId, 'AG-2026/00777')), 'ERR_CRVS_REGISTRY_NOT_CONFIGURED');
    await configure({ registry: false });
    assert.equal(await errorCode(fetchRecord(draftId, 'AG-2026/00777')), 'ERR_CRVS_REGISTRY_NOT_CONFIGURED');
    await configure();
    crvs.down = true;
    assert.equal(await errorCode(fetchRecord(draftId, 'AG-2026/00777')), 'ERR_CRVS_REGISTRY_UNREACHABLE');
    crvs.down = false;
    crvs.registry.hostile = { floodBytes: 2 * 1024 * 1024 };
    assert.equal(await errorCode(fetchRecord(draftId, 'AG-2026/00777')), 'ERR_CRVS_REGISTRY_ANSWER_INVALID');
    crvs.registry.hostile = { body: { results: [{ legalStatuses: { REGISTERED: { registrationNumber: 'AG-2026/00777' } }, declaration: { 'child.dob': 'yesterday' } }], total: 1 } };
    assert.equal(await errorCode(fetchRecord(draftId, 'AG-2026/00777')), 'ERR_CRVS_REGISTRY_ANSWER_INVALID');
    assert.deepEqual(replyValue<RegistrationDraft>(await officer('drafts.get', { draftId })).values, before, 'nothing filled');
    assert.equal((await officer('drafts.fetchBirthRecord', { draftId, birthRegistrationNumber: 'x' })).ok, false, 'a number breaking its rule is refused before any call');
  });
});
