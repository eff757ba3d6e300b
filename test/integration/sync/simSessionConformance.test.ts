import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildRefreshRequest, buildUserIdPwdRequest } from '../../../electron/services/sync/authToken';
import { decryptClientCryptoJson } from '../../../electron/services/sync/clientCrypto';
import { admin, makeMachineKey, SIM_MACHINE_NAME, startSimBed, type SimBed } from './syncTestBed';

interface Answer {
  readonly status: number;
  readonly signature: string | null;
  readonly json: { response: unknown; errors: { errorCode: string }[] | null };
}

/**
 * The simulator as an oracle of MOSIP's session behaviour, checked on the wire without our client
 * (rows of the conformance table in test/sims/mosip/README.md).
 */
describe('simulator session conformance (raw HTTP)', () => {
  let bed: SimBed;
  before(async () => {
    bed = await startSimBed();
  });
  after(async () => {
    await bed.close();
  });

  async function call(method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { cookie: `Authorization=${token}` } : {}) };
    const res = await fetch(`${bed.sim.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, signature: res.headers.get('response-signature'), json: (await res.json()) as Answer['json'] };
  }

  const login = (request: string) => call('POST', '/v1/syncdata/authenticate/useridpwd', { id: 'io.mosip.registration.auth', version: '1.0', requesttime: '', request });
  const bundleOf = (a: Answer) => decryptClientCryptoJson(bed.machineKey.privateKey, a.json.response as string, 'bundle') as { token: string; refreshToken: string; expiryTime: number; refreshExpiryTime: number };

  it('answers useridpwd unsigned, with lifetimes in seconds; REFRESH repeats the access lifetime', async () => {
    const answer = await login(buildUserIdPwdRequest(bed.machineKey, 'officer1', 'Officer#2026', bed.clock.now()));
    assert.deepEqual([answer.status, answer.signature, answer.json.errors], [200, null, null]);
    const bundle = bundleOf(answer);
    assert.deepEqual([bundle.expiryTime, bundle.refreshExpiryTime], [30 * 60, 4 * 30 * 60]);
    const refreshed = await login(buildRefreshRequest(bed.machineKey, bundle.refreshToken, bed.clock.now()));
    assert.equal(refreshed.signature, null);
    const renewed = bundleOf(refreshed);
    assert.deepEqual([renewed.expiryTime, renewed.refreshExpiryTime], [30 * 60, 30 * 60]);
  });

  it('answers a refused password with KER-SYN-AUTH-001 in HTTP 200, unsigned', async () => {
    const answer = await login(buildUserIdPwdRequest(bed.machineKey, 'officer1', 'wrong', bed.clock.now()));
    assert.deepEqual([answer.status, answer.signature, answer.json.response, answer.json.errors?.[0]?.errorCode], [200, null, null, 'KER-SYN-AUTH-001']);
  });

  it('guards tpm/publickey/verify with a token, looks the machine up by name, and signs the answer', async () => {
    const publicKey = bed.machineKey.spkiDer.toString('base64');
    const verify = (machineName: string, token?: string) =>
      call('POST', '/v1/syncdata/tpm/publickey/verify', { id: 'mosip.syncdata.tpm.publickey.verify', version: '1.0', request: { machineName, publicKey, signPublicKey: publicKey } }, token);
    const anonymous = await verify(SIM_MACHINE_NAME);
    assert.deepEqual([anonymous.status, anonymous.json.errors?.[0]?.errorCode], [401, 'KER-ATH-401']);
    const { token } = bed.sim.issueToken('officer1', ['REGISTRATION_OFFICER']);
    const known = await verify(SIM_MACHINE_NAME.toUpperCase(), token);
    assert.deepEqual([known.status, known.json.response, typeof known.signature], [200, { keyIndex: bed.machineKey.keyIndex }, 'string']);
    const unknown = await verify('machine-10002', token);
    assert.deepEqual([unknown.json.errors?.[0]?.errorCode, unknown.signature], ['KER-SNC-155', null]);
    await admin(bed.sim, 'machines', { centreId: '10001', machineId: '10004', name: 'stp-laptop-10004', publicKey: bed.machineKey.spkiDer.toString('base64') });
    await admin(bed.sim, 'machines', { centreId: '10001', machineId: '10004', publicKey: makeMachineKey().spkiDer.toString('base64') });
    const otherKey = await verify('stp-laptop-10004', token);
    assert.equal(otherKey.json.errors?.[0]?.errorCode, 'KER-SNC-164', 're-keyed under the same name: this key is no longer whitelisted');
  });
});
