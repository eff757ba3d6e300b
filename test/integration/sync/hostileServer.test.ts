import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { MosipHttpClient } from '../../../electron/services/sync/MosipHttpClient';
import { isAppError } from '../../../schemas/errors';
import { admin, startSimBed, type SimBed } from './syncTestBed';

const ENDPOINT = '/v1/syncdata/v2/clientsettings';
/** more than any machine could buffer: the test ends only if the client stops reading */
const ENDLESS = Number.MAX_SAFE_INTEGER;

/** A server that floods its answer (issue 12, item 4): the client reads at most its cap, then hangs up. */
describe('a hostile MOSIP server flooding an answer', () => {
  let bed: SimBed;
  before(async () => {
    bed = await startSimBed();
  });
  after(async () => {
    await bed.close();
  });
  afterEach(async () => {
    await admin(bed.sim, 'faults', {}, 'DELETE');
  });

  const client = () => new MosipHttpClient({ baseUrl: bed.sim.url, clock: bed.clock, maxResponseBytes: 1024 * 1024 });
  const refusal = (err: unknown) => isAppError(err) && err.code === 'ERR_SYNC_RESPONSE_TOO_LARGE' && JSON.stringify(err.details) === JSON.stringify({ endpoint: ENDPOINT, limitBytes: 1024 * 1024 });

  it('stops reading a chunked answer with no length at the cap', { timeout: 120_000 }, async () => {
    await admin(bed.sim, 'faults', { endpoint: ENDPOINT, kind: 'flood', floodBytes: ENDLESS });
    await assert.rejects(client().send({ method: 'GET', path: ENDPOINT, auth: false, signed: false }), refusal);
  });

  it('refuses an answer declaring a length past the cap', { timeout: 120_000 }, async () => {
    await admin(bed.sim, 'faults', { endpoint: ENDPOINT, kind: 'flood', floodBytes: ENDLESS, declareLength: true });
    await assert.rejects(client().send({ method: 'GET', path: ENDPOINT, auth: false, signed: false }), refusal);
  });

  it('still reads an answer up to the cap', async () => {
    await admin(bed.sim, 'faults', { endpoint: ENDPOINT, kind: 'flood', floodBytes: 1024 * 1024 });
    const res = await client().send({ method: 'GET', path: ENDPOINT, auth: false, signed: false });
    assert.equal(res.body.length, 1024 * 1024);
  });

  it('refuses a cap that is not a positive integer', () => {
    assert.throws(() => new MosipHttpClient({ baseUrl: bed.sim.url, clock: bed.clock, maxResponseBytes: 0 }), /maxResponseBytes/);
  });
});
