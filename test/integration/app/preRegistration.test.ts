import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import type { Reply } from '../../../schemas/api/transport';
import type { PreRegistrationApplied } from '../../../schemas/preRegistration';
import type { FormFieldValue, RegistrationDraft } from '../../../schemas/registrationForm';
import type { AppServices } from '../../../electron/host/createAppServices';
import { getDraftDocument } from '../../../electron/services/db/repos/drafts';
import { getPreRegistration } from '../../../electron/services/db/repos/preRegistrations';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { tinyPdf } from '../../sims/mosip/preRegSeed';
import { admin } from '../sync/syncTestBed';
import { replyValue } from '../../helpers/replyValue';
import { openOfficerOnServer, type OfficerOnServer } from './officerOnServer';

const MARIA = '37162804952017';
const JOAO = '48210593716024';
const CONSUMED = '59302817465093';

type Applied = { draft: RegistrationDraft; applied: PreRegistrationApplied };

describe('pre-registration fetch and prefill through the Router (real MOSIP simulator on loopback)', () => {
  let bed: OfficerOnServer;
  let sim: MosipSimulator;
  let services: AppServices;
  const call = (method: string, input: unknown) => bed.call(method, input);
  const value = replyValue;
  const error = (reply: Reply): { code: string; details: Record<string, unknown> } => (reply.ok ? { code: 'ok', details: {} } : { code: reply.error.code, details: reply.error.details });
  const create = async () => value<RegistrationDraft>(await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] }));
  const apply = (draftId: string, prid: string) => call('drafts.applyPreRegistration', { draftId, prid });
  const get = async (draftId: string) => value<RegistrationDraft>(await call('drafts.get', { draftId }));
  const typed = async (draft: RegistrationDraft, values: Record<string, FormFieldValue>) => {
    value(await call('drafts.save', { draft: { ...draft, values: { ...draft.values, ...values } } }));
    return get(draft.draftId);
  };

  before(async () => {
    // nothing synced: the PRIDs are fetched from the server on demand
    bed = await openOfficerOnServer();
    ({ sim, services } = bed);
  });
  after(() => bed.close());
  beforeEach(async () => {
    await sim.revive();
  });

  it('fetches a PRID from the server on demand and prefills names in both languages, codes and PDF documents', async () => {
    const draft = await typed(await create(), {
      consent: { type: 'flag', checked: true },
      preferredLang: { type: 'code', code: 'eng' },
      phone: { type: 'text', value: '9900000' },
    });
    const { draft: filled, applied } = value<Applied>(await apply(draft.draftId, ` ${JOAO} `));
    assert.deepEqual({ prid: applied.prid, source: applied.source }, { prid: JOAO, source: 'server' });
    assert.deepEqual(filled.values.fullName, { type: 'localized', values: { por: 'João Pedro Trovoada', eng: 'Joao Pedro Trovoada' } });
    assert.deepEqual(filled.values.addressLine1, { type: 'localized', values: { por: 'Bairro da Boa Morte', eng: 'Boa Morte quarter' } });
    assert.deepEqual([filled.values.dateOfBirth, filled.values.gender, filled.values.region, filled.values.province], [
      { type: 'text', value: '1975/11/02' }, { type: 'code', code: 'MLE' }, { type: 'code', code: 'ST' }, { type: 'code', code: 'MZC' },
    ]);
    // captured data is cleared except the retained fields (mosip.registration.fields.to.retain.post.prid.fetch)
    assert.deepEqual(filled.values.consent, { type: 'flag', checked: true });
    assert.deepEqual(filled.values.preferredLang, { type: 'code', code: 'eng' });
    assert.deepEqual(filled.values.phone, { type: 'text', value: '9987654' });
    assert.equal(filled.preRegistrationId, JOAO);
    for (const [fieldId, type] of [['proofOfIdentity', 'PASSPORT'], ['proofOfAddress', 'RESIDENCE_CERTIFICATE']] as const) {
      const doc = filled.values[fieldId];
      assert.ok(doc?.type === 'document', `${fieldId} is a document`);
      assert.equal(doc.documentType, type);
      const stored = getDraftDocument(services.data.db, draft.draftId, doc.storageId);
      assert.equal(stored?.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal(stored?.fieldId, fieldId);
      // the slot's pages are counted when the PDF is stored, so the preview can show them (issue 13)
      assert.equal(doc.pageCount, (await PDFDocument.load(stored!.bytes)).getPageCount());
    }
    // the page's later autosave cannot drop the PRID: it is the back end's
    value(await call('drafts.save', { draft: { ...filled, preRegistrationId: null } }));
    assert.equal((await get(draft.draftId)).preRegistrationId, JOAO);
    assert.ok(getPreRegistration(services.data.db, JOAO)?.zip, 'the fetched application is kept for offline use');
  });

  it('refuses a malformed PRID and an unknown or consumed one, and the typed draft stays as it was', async () => {
    const draft = await typed(await create(), { fullName: { type: 'localized', values: { por: 'Ana', eng: 'Ana' } } });
    assert.deepEqual(error(await apply(draft.draftId, '12345')), { code: 'ERR_REG_PREREG_INVALID_ID', details: { prid: '12345' } });
    assert.deepEqual(error(await apply(draft.draftId, '9999999999999a')).code, 'ERR_REG_PREREG_INVALID_ID');
    assert.deepEqual(error(await apply(draft.draftId, '11112222333344')), { code: 'ERR_REG_PREREG_UNKNOWN', details: { prid: '11112222333344', errorCode: 'PRG_PAM_APP_005' } });
    assert.deepEqual(error(await apply(draft.draftId, CONSUMED)), { code: 'ERR_REG_PREREG_UNKNOWN', details: { prid: CONSUMED, errorCode: 'PRG_PAM_APP_005' } });
    assert.deepEqual((await get(draft.draftId)).values, draft.values);
  });

  it('refuses a PRID whose application is not a readable one, without touching the draft', async () => {
    const prid = '70000000000001';
    await admin(sim, 'preregistrations', { prid, identity: { fullName: [{ language: 'por', value: 'Rui' }], proofOfIdentity: { value: 'POI_missing', type: 'CIN', format: 'pdf' } }, documents: [] });
    const draft = await typed(await create(), { city: { type: 'localized', values: { por: 'Neves', eng: 'Neves' } } });
    const failed = error(await apply(draft.draftId, prid));
    assert.equal(failed.code, 'ERR_REG_PREREG_MALFORMED');
    assert.match(String(failed.details.reason), /POI_missing/);
    assert.deepEqual((await get(draft.draftId)).values, draft.values);
  });

  it('downloads the centre’s applications with the down-sync and prefills offline; offline and not downloaded is refused', async () => {
    const summary = await services.sync.mosip!.downSync();
    const job = summary.jobs.find((j) => j.job === 'preRegistration');
    assert.deepEqual(job && { ok: job.ok, error: job.error }, { ok: true, error: null });
    assert.ok(getPreRegistration(services.data.db, MARIA)?.zip, 'Maria’s application was downloaded');
    assert.equal(getPreRegistration(services.data.db, CONSUMED), undefined, 'a consumed application is not listed');
    await sim.kill();
    const draft = await create();
    const { draft: filled, applied } = value<Applied>(await apply(draft.draftId, MARIA));
    assert.equal(applied.source, 'local');
    assert.deepEqual(filled.values.fullName, { type: 'localized', values: { por: 'Maria da Graça Quaresma', eng: 'Maria da Graca Quaresma' } });
    assert.equal(filled.values.proofOfAddress?.type, 'document', 'the JPEG proof of address became a PDF document');
    const offline = error(await apply(draft.draftId, '80000000000008'));
    assert.deepEqual(offline, { code: 'ERR_REG_PREREG_OFFLINE', details: { prid: '80000000000008', reason: 'ERR_SYNC_UNREACHABLE' } });
    assert.deepEqual((await get(draft.draftId)).values, filled.values, 'the prefilled draft is kept after a failed fetch');
  });

  it('refuses a PRID once it was used for a packet on this machine, and deletes stale downloads', async () => {
    await admin(sim, 'preregistrations', { prid: '70000000000002', appointmentDate: '2026-11-10', identity: { fullName: [{ language: 'por', value: 'Velho' }] }, documents: [{ name: 'x.pdf', base64: tinyPdf('x').toString('base64') }] });
    const draft = await create();
    value<Applied>(await apply(draft.draftId, '70000000000002'));
    assert.deepEqual(services.registration.preRegistrations.cleanup(), ['70000000000002'], 'an appointment older than the configured days is deleted');
    value<Applied>(await apply(draft.draftId, MARIA));
    services.registration.preRegistrations.consume(MARIA, 'officer1');
    assert.equal(getPreRegistration(services.data.db, MARIA)?.zip, null, 'the application data is deleted');
    assert.deepEqual(error(await apply((await create()).draftId, MARIA)), { code: 'ERR_REG_PREREG_USED', details: { prid: MARIA } });
    assert.deepEqual(services.registration.preRegistrations.cleanup(), [], 'a used PRID is kept as used');
  });
});

