import assert from 'node:assert/strict';
import { createSign } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { MosipSimulator } from '../../sims/mosip/MosipSimulator';
import { admin, startSimBed, type SimBed } from './syncTestBed';

/** The simulator's own contract: admin validation, persistence, and refusals of malformed requests. */
describe('MosipSimulator', () => {
  let bed: SimBed;
  before(async () => {
    bed = await startSimBed();
  });
  after(async () => {
    await bed.close();
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${bed.sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  it('refuses bad admin input with the field that is wrong', async () => {
    assert.deepEqual((await post('/_sim/faults', { endpoint: 'nope', kind: 'status' })).json, { error: 'fault.endpoint must be a path starting with /' });
    assert.match(String((await post('/_sim/faults', { endpoint: '/x', kind: 'explode' })).json['error']), /fault.kind must be one of/);
    assert.equal((await post('/_sim/machines', { centreId: '10001', machineId: '10009', publicKey: 'AAAA' })).status, 400);
    assert.deepEqual((await post('/_sim/machines', { centreId: '1', machineId: '10009', publicKey: 'AAAA' })).json, { error: 'machineId and centreId are 5 digits' });
  });

  it('refuses a useridpwd request whose signature was made over other bytes', async () => {
    const payload = Buffer.from(JSON.stringify({ userId: 'officer1', password: 'Officer#2026', authType: 'NEW', timestamp: new Date(bed.clock.now()).toISOString() }));
    const sig = createSign('sha256').update(Buffer.concat([payload, Buffer.from(' ')])).sign(bed.machineKey.privateKey);
    const token = [Buffer.from(JSON.stringify({ kid: bed.machineKey.keyIndex })), payload, sig].map((b) => b.toString('base64url')).join('.');
    const { status, json } = await post('/v1/syncdata/authenticate/useridpwd', { id: '', version: '', requesttime: '', request: token });
    assert.equal(status, 200, 'MOSIP business errors come in HTTP 200');
    // SyncAuthTokenServiceImpl.validateRequestData: SyncAuthErrorCode.INVALID_REQUEST (mosip/admin-services release-1.2.0.1)
    assert.deepEqual(json['errors'], [{ errorCode: 'KER-SYN-AUTH-001', message: 'Invalid Request' }]);
  });

  it('refuses syncV2 with a badly formatted timestamp header or an unknown refId', async () => {
    const { token } = bed.sim.issueToken('supervisor1', ['REGISTRATION_SUPERVISOR']);
    const cookie = { cookie: `Authorization=${token}` };
    const now = new Date(bed.clock.now()).toISOString();
    const badTs = await post('/registrationprocessor/v1/registrationstatus/syncV2', 'x', { ...cookie, timestamp: now.replace('T', ' '), 'center-machine-refid': '10001_10002' });
    // the timestamp only reaches keymanager through Decryptor.decrypt: RPR_RGS_DECRYPTION_FAILED (mosip/registration release-1.2.0.x)
    assert.equal((badTs.json['errors'] as { errorCode: string }[])[0]?.errorCode, 'RPR-RGS-028');
    const badRef = await post('/registrationprocessor/v1/registrationstatus/syncV2', 'x', { ...cookie, timestamp: now, 'center-machine-refid': '10001_99999' });
    assert.equal((badRef.json['errors'] as { errorCode: string }[])[0]?.errorCode, 'RPR-RGS-028');
    const noCookie = await post('/registrationprocessor/v1/registrationstatus/syncV2', 'x', { timestamp: now });
    assert.deepEqual([noCookie.status, (noCookie.json['errors'] as { errorCode: string }[])[0]?.errorCode], [401, 'KER-ATH-401']);
  });

  // Each code below is MOSIP's, not the client's: see test/sims/mosip/README.md § Conformance for the source.
  it('answers MOSIP LTS 1.2 codes for an unknown machine, a non-zip upload, unknown RIDs and packets, and empty audits', async () => {
    const { token } = bed.sim.issueToken('supervisor1', ['REGISTRATION_SUPERVISOR']);
    const cookie = `Authorization=${token}`;
    const firstCode = (json: Record<string, unknown>) => (json['errors'] as { errorCode: string }[] | null)?.[0]?.errorCode;
    const configs = await fetch(`${bed.sim.url}/v1/syncdata/configs/AA:BB`, { headers: { cookie } });
    assert.equal(firstCode((await configs.json()) as Record<string, unknown>), 'KER-SNC-155', 'MasterDataErrorCode.MACHINE_NOT_FOUND');
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('not a zip')]), '10001100021000120261202090000.txt');
    const upload = await fetch(`${bed.sim.url}/registrationprocessor/v1/packetreceiver/registrationpackets`, { method: 'POST', headers: { cookie }, body: form });
    assert.equal(firstCode((await upload.json()) as Record<string, unknown>), 'RPR-PKR-003', 'RPR_PKR_INVALID_PACKET_FORMAT');
    const search = await post('/registrationprocessor/v1/registrationstatus/search', { request: [{ registrationId: '99999999999999999999999999999' }] }, { cookie });
    assert.equal(firstCode(search.json), 'RPR-RGS-031', 'RPR_RGS_RID_NOT_FOUND');
    const external = await post('/registrationprocessor/v1/registrationstatus/packetexternalstatus', { request: [{ packetId: 'nope' }] }, { cookie });
    assert.equal(firstCode(external.json), 'RPR-RGS-037', 'RPR_RGS_PACKETID_NOT_FOUND');
    const request = { id: '10001100021000120261202090001', refId: '10001_10002', source: 'OPENCRVS', process: 'CRVS_NEW', schemaVersion: '0.1', schemaJson: '{}', fields: {}, audits: [] };
    const create = await fetch(`${bed.sim.url}/commons/v1/packetmanager/createPacket`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ request }) });
    // PacketWriter.createPacket catches AUDITS_REQUIRED (KER-KPM-008) and answers a null response, no error
    const createdBody = (await create.json()) as Record<string, unknown>;
    assert.deepEqual([create.status, createdBody['response'], createdBody['errors']], [200, null, null]);
    const noProvider = await fetch(`${bed.sim.url}/commons/v1/packetmanager/createPacket`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ request: { ...request, source: 'SOMEWHERE', audits: [{ a: 'b' }] } }) });
    assert.equal(firstCode((await noProvider.json()) as Record<string, unknown>), 'KER-PUT-006', 'PacketUtilityErrorCodes.NO_AVAILABLE_PROVIDER');
  });

  it('keeps machines, keys and users across a restart on the same state dir', async () => {
    const regCert = bed.sim.pki.registration('10001_10002').certPem;
    const again = await new MosipSimulator({ stateDir: join(bed.dir, 'sim'), seed: false, clock: bed.clock }).start();
    try {
      assert.equal(again.pki.registration('10001_10002').certPem, regCert);
      assert.equal(again.state.data.machines['10002']?.keyIndex, bed.machineKey.keyIndex);
      assert.deepEqual(again.state.data.users['supervisor1']?.roles, ['REGISTRATION_SUPERVISOR', 'REGISTRATION_OFFICER']);
    } finally {
      await again.close();
    }
  });

  it('lists the key files a packet inspector needs', async () => {
    const keys = await admin(bed.sim, 'keys', undefined, 'GET');
    assert.equal(keys['REGISTRATION_10001_10002'], bed.sim.pki.registration('10001_10002').keyPath);
  });
});
