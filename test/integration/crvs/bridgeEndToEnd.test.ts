import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { birthEvent, deathEvent } from '../../sims/opencrvs/payloads';
import { admin } from '../sync/syncTestBed';
import { PARENT_UIN, spawnBridge, startBridgeBed, untilBridge, WEBHOOK_TOKEN, WEBSUB_SECRET, type BridgeBed, type BridgeProcess } from './bridgeBed';
import { processDuring, processUntil } from './regprocDriver';
import { listCrvsEvents, simIdentities } from './bridgeQueries';

/**
 * Issue 16 end to end: OpenCRVS (simulated) sends a REGISTERED birth and death to `regclient
 * bridge` (its own process); the bridge answers 202, builds CRVS_NEW / CRVS_DEATH packets through
 * the outbox, MOSIP (simulated) processes them and publishes CREDENTIAL_ISSUED, encrypted to the
 * partner key and signed with the subscription secret; the bridge confirms the national ID back.
 */
describe('regclient bridge: OpenCRVS event → MOSIP packet → national ID confirmed', () => {
  let bed: BridgeBed;
  let bridge: BridgeProcess;
  const list = () => listCrvsEvents(bed);
  const identities = () => simIdentities(bed);

  before(async () => {
    bed = await startBridgeBed('crvs-e2e-');
    bridge = await spawnBridge(bed);
  });
  after(async () => {
    bridge?.child.kill('SIGTERM');
    if (bridge) assert.equal(await bridge.exited, 0, 'SIGTERM stops the bridge cleanly');
    await bed?.close();
  });

  it('gives the child a national ID and marks the deceased, and confirms both to OpenCRVS', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const person = await admin(bed.sim, 'identities', { fields: { fullName: [{ language: 'por', value: 'João Pedro Trovoada' }] } });
    const birth = await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, birthEvent(1, now, PARENT_UIN));
    const death = await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, deathEvent(1, now, String(person['uin'])));
    assert.deepEqual([birth.status, birth.body['eventId'], death.status], [202, 'birth-1', 202]);

    await processUntil(bed.sim, bed.crvs, () => bed.crvs.confirmations.length >= 2);
    const child = (await identities()).find((i) => i.fields['birthCertificateNumber'] === 'AG-2026/00001');
    assert.ok(child, 'MOSIP made the child an identity');
    const byId = new Map(bed.crvs.confirmations.map((c) => [c.id, c]));
    assert.deepEqual(byId.get('birth-1'), { id: 'birth-1', registrationNumber: 'AG-2026/00001', identifiers: [{ type: 'NATIONAL_ID', value: child.uin }], comment: null });
    assert.deepEqual([byId.get('death-1')?.registrationNumber, byId.get('death-1')?.identifiers, byId.get('death-1')?.comment], ['OB-2026/00001', [], 'MOSIP: identity marked deceased']);
    assert.equal((await identities()).find((i) => i.uin === person['uin'])?.deceased, true);

    await untilBridge(bridge, async () => (await list()).every((e) => e.state === 'CONFIRMED'));
    const events = await list();
    const birthRow = events.find((e) => e.eventId === 'birth-1');
    assert.deepEqual([birthRow?.state, birthRow?.nationalId, child.registrationIds.includes(birthRow?.rid ?? '')], ['CONFIRMED', child.uin, true], 'the AID (RID) is recorded and printable');
    assert.deepEqual(events.map((e) => [e.eventId, e.state, e.deceased]).sort(), [['birth-1', 'CONFIRMED', false], ['death-1', 'CONFIRMED', true]]);
    const table = await bed.cli(['crvs', 'list']);
    assert.match(table.out, new RegExp(`birth-1\\s+BIRTH\\s+CONFIRMED\\s+${birthRow!.rid}\\s+${child.uin}`));
  });

  const code = (a: { body: Record<string, unknown> }) => (a.body['error'] as { code?: string } | undefined)?.code ?? a.body['code'];
  const field = (a: { body: Record<string, unknown> }) => ((a.body['error'] as { details?: { field?: string } } | undefined)?.details?.field);

  it('refuses a forged, malformed or oversized webhook with its own code and stores nothing; a duplicate is acknowledged once', { timeout: 60_000 }, async () => {
    const before = await list();
    const event = birthEvent(7, Date.now(), PARENT_UIN);
    const cases: [string, string | undefined, unknown, number, string, string | undefined][] = [
      ['no token', undefined, event, 401, 'ERR_CRVS_WEBHOOK_UNAUTHORIZED', undefined],
      ['another token', 'x'.repeat(WEBHOOK_TOKEN.length), event, 401, 'ERR_CRVS_WEBHOOK_UNAUTHORIZED', undefined],
      ['not JSON', WEBHOOK_TOKEN, '{"trackingId":', 400, 'ERR_CRVS_PAYLOAD_INVALID', '(body)'],
      ['a birth without the child\'s name', WEBHOOK_TOKEN, { ...event, requestFields: { ...(event['requestFields'] as object), fullName: undefined } }, 400, 'ERR_CRVS_PAYLOAD_INVALID', 'requestFields.fullName'],
      ['a date that is not one', WEBHOOK_TOKEN, { ...event, requestFields: { ...(event['requestFields'] as object), dateOfBirth: '2026-02-30' } }, 400, 'ERR_CRVS_PAYLOAD_INVALID', 'requestFields.dateOfBirth'],
      ['a death without the deceased', WEBHOOK_TOKEN, { ...deathEvent(7, Date.now(), PARENT_UIN), requestFields: { deathCertificateNumber: 'OB-1' } }, 400, 'ERR_CRVS_PAYLOAD_INVALID', 'requestFields.UIN'],
      ['a prototype key', WEBHOOK_TOKEN, `{"__proto__":{"polluted":1},${JSON.stringify(event).slice(1)}`, 400, 'ERR_CRVS_PAYLOAD_INVALID', '__proto__'],
      ['too large', WEBHOOK_TOKEN, { ...event, metaInfo: { pad: 'x'.repeat(70_000) } }, 413, 'ERR_CRVS_PAYLOAD_TOO_LARGE', undefined],
    ];
    for (const [what, token, body, status, expected, expectedField] of cases) {
      const answer = await bed.crvs.send(bed.webhookUrl, token, body);
      assert.deepEqual([answer.status, code(answer), field(answer)], [status, expected, expectedField], what);
    }
    assert.deepEqual(await list(), before, 'nothing stored from a refused request');

    const first = await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, event);
    const again = await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, event);
    assert.deepEqual([first.status, again.status, code(again)], [202, 200, 'ERR_CRVS_EVENT_DUPLICATE']);
    await processUntil(bed.sim, bed.crvs, () => bed.crvs.countsById().has('birth-7'));
    await untilBridge(bridge, async () => (await list()).every((e) => e.state === 'CONFIRMED'));
    assert.equal((await list()).filter((e) => e.eventId === 'birth-7').length, 1);
    const packets = Object.values((await admin(bed.sim, 'stats', undefined, 'GET'))['packets'] as Record<string, { registrationId: string }>);
    const rid = (await list()).find((e) => e.eventId === 'birth-7')!.rid;
    assert.equal(packets.filter((p) => p.registrationId === rid).length, 1, 'one packet for the event');
    assert.equal(bed.crvs.countsById().get('birth-7'), 1, 'confirmed once');
  });

  it('refuses a WebSub delivery with a bad signature or a credential for another key, and changes no event', { timeout: 30_000 }, async () => {
    const before = await list();
    const callback = `http://127.0.0.1:${bed.port}/websub/callback`;
    const delivery = JSON.stringify({
      publisher: 'CREDENTIAL_SERVICE', topic: 'opencrvs-stp/CREDENTIAL_ISSUED', publishedOn: new Date().toISOString(),
      event: { id: 'e1', transactionId: 't1', type: { namespace: 'mosip', name: 'CREDENTIAL_ISSUED' }, timestamp: new Date().toISOString(),
        data: { registrationId: before[0]!.rid, credential: Buffer.from(JSON.stringify({ credentialSubject: { id: 'x', UIN: '9999999999', VID: '9999999999' } })).toString('base64'), credentialType: 'vercred', protectionKey: null } },
    });
    const post = (signature: string | undefined) => fetch(callback, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature': signature } : {}) }, body: delivery });
    const forged = [undefined, `sha256=${createHmac('sha256', 'not-the-secret').update(delivery).digest('hex')}`, 'sha256', `md5=${createHmac('md5', WEBSUB_SECRET).update(delivery).digest('hex')}`];
    for (const signature of forged) {
      const res = await post(signature);
      assert.deepEqual([res.status, ((await res.json()) as { error: { code: string } }).error.code], [401, 'ERR_CRVS_WEBSUB_SIGNATURE_INVALID'], String(signature));
    }
    // signed with the right secret, but the credential is not encrypted to the partner key
    const signed = await post(`sha256=${createHmac('sha256', WEBSUB_SECRET).update(delivery).digest('hex')}`);
    assert.deepEqual([signed.status, ((await signed.json()) as { error: { code: string } }).error.code], [400, 'ERR_CRVS_CREDENTIAL_UNREADABLE']);
    const intent = await fetch(`${callback}?hub.mode=subscribe&hub.topic=${encodeURIComponent('someone-else/CREDENTIAL_ISSUED')}&hub.challenge=abc`);
    assert.equal(intent.status, 404, 'intent for another topic is not confirmed');
    assert.deepEqual(await list(), before);
  });

  it('records a revoked death as parked (no MOSIP API for a reversal), audited; refuses a forged or unknown revocation, storing nothing', { timeout: 30_000 }, async () => {
    const url = bed.webhookUrl.replace('/events/registration', '/events/revocation');
    const before = await list();
    const forged = await bed.crvs.send(url, 'not-the-token-0123456789', { eventId: 'rev-1', revokes: 'death-1', reason: 'wrong person' });
    const unknown = await bed.crvs.send(url, WEBHOOK_TOKEN, { eventId: 'rev-1', revokes: 'death-404', reason: 'wrong person' });
    const extra = await bed.crvs.send(url, WEBHOOK_TOKEN, { eventId: 'rev-1', revokes: 'death-1', reason: 'wrong person', uin: '1' });
    assert.deepEqual([forged.status, code(forged), unknown.status, code(unknown), extra.status, code(extra)], [401, 'ERR_CRVS_WEBHOOK_UNAUTHORIZED', 404, 'ERR_CRVS_EVENT_NOT_FOUND', 400, 'ERR_CRVS_PAYLOAD_INVALID']);
    assert.deepEqual(await list(), before);
    const ok = await bed.crvs.send(url, WEBHOOK_TOKEN, { eventId: 'rev-1', revokes: 'death-1', reason: 'registered against the wrong person' });
    assert.deepEqual([ok.status, ok.body['status']], [202, 'RECORDED']);
    const revoked = (await list()).find((e) => e.eventId === 'rev-1');
    assert.deepEqual([revoked?.kind, revoked?.state, revoked?.lastErrorCode], ['DEATH_REVOKED', 'PARKED', 'ERR_CRVS_NO_MOSIP_API']);
    const table = await bed.cli(['crvs', 'list']);
    assert.equal(table.code, 4, 'a parked event is reported: a person must act');
  });

  it('makes a legal correction an UPDATE of the same identity: no new identity, no confirmation asked of OpenCRVS', { timeout: 60_000 }, async () => {
    const child = (await identities()).find((i) => i.fields['birthCertificateNumber'] === 'AG-2026/00001')!;
    const count = (await identities()).length;
    const confirmations = bed.crvs.confirmations.length;
    const correction = {
      trackingId: 'C000001', eventId: 'correction-1', notification: { recipientFullName: '', recipientEmail: '', recipientPhone: '' },
      requestFields: { VID: child.uin, fullName: 'Ana Corrigida Trovoada' }, metaInfo: {}, audit: { eventType: 'BIRTH_CORRECTED' },
    };
    assert.equal((await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, correction)).status, 202);
    await processDuring(bed.sim, untilBridge(bridge, async () => (await list()).find((e) => e.eventId === 'correction-1')?.state === 'CONFIRMED'));
    const row = (await list()).find((e) => e.eventId === 'correction-1')!;
    const packets = Object.values((await admin(bed.sim, 'stats', undefined, 'GET'))['packets'] as Record<string, { registrationId: string; registrationType: string }>);
    assert.deepEqual([row.kind, row.nationalId, packets.find((p) => p.registrationId === row.rid)?.registrationType], ['CORRECTION', child.uin, 'UPDATE']);
    const after = (await identities()).find((i) => i.uin === child.uin)!;
    assert.deepEqual(after.fields['fullName'], [{ language: 'por', value: 'Ana Corrigida Trovoada' }]);
    assert.deepEqual([(await identities()).length, bed.crvs.confirmations.length], [count, confirmations]);
  });
});
