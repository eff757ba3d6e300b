import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { birthEvent, deathEvent } from '../../sims/opencrvs/payloads';
import { admin } from '../sync/syncTestBed';
import { PARENT_UIN, spawnBridge, startBridgeBed, untilBridge, WEBHOOK_TOKEN, type BridgeBed, type BridgeProcess } from './bridgeBed';
import { processDuring, processUntil } from './regprocDriver';
import { listCrvsEvents, simIdentities } from './bridgeQueries';

/**
 * The bridge with `--confirm-api v2-events` (issue 16): OpenCRVS v2 sends each REGISTERED event
 * with its action-confirmation token; the bridge confirms through the events API
 * (`event.actions.register.accept`, tRPC) with that token, the action's ids and the national ID
 * in `declaration['child.nid']`. The OpenCRVS simulator checks the token and records each action's
 * accept once, as OpenCRVS does.
 */
describe('regclient bridge confirming through OpenCRVS v2 events (event.actions.register.accept)', () => {
  let bed: BridgeBed;
  let bridge: BridgeProcess;
  const list = () => listCrvsEvents(bed);
  const identities = () => simIdentities(bed);
  const code = (a: { body: Record<string, unknown> }) => (a.body['error'] as { code?: string } | undefined)?.code;
  const person = async (name: string) => String((await admin(bed.sim, 'identities', { fields: { fullName: [{ language: 'por', value: name }] } }))['uin']);

  before(async () => {
    bed = await startBridgeBed('crvs-v2-', { confirmApi: 'v2-events' });
    bridge = await spawnBridge(bed);
  });
  after(async () => {
    bridge?.child.kill('SIGTERM');
    if (bridge) await bridge.exited;
    await bed?.close();
  });

  it('confirms a birth with its national ID and a death, each action accepted once', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const deceased = await person('João Pedro Trovoada');
    const birth = await bed.crvs.sendV2(bed.webhookUrl, birthEvent(301, now, PARENT_UIN));
    const death = await bed.crvs.sendV2(bed.webhookUrl, deathEvent(301, now, deceased));
    assert.deepEqual([birth.status, birth.body['eventId'], death.status], [202, birth.eventId, 202]);
    await processUntil(bed.sim, bed.crvs, () => bed.crvs.v2.accepts.length >= 2);
    const child = (await identities()).find((i) => i.fields['birthCertificateNumber'] === 'AG-2026/00301');
    assert.ok(child, 'MOSIP made the child an identity');
    const byAction = new Map(bed.crvs.v2.accepts.map((a) => [a.actionId, a]));
    const b = byAction.get(birth.actionId);
    assert.deepEqual([b?.eventId, b?.registrationNumber, b?.declaration], [birth.eventId, 'AG-2026/00301', { 'child.nid': child.uin }]);
    assert.match(b?.transactionId ?? '', /^mosip-interop-[0-9a-f-]{36}$/);
    const d = byAction.get(death.actionId);
    assert.deepEqual([d?.eventId, d?.registrationNumber, d?.declaration], [death.eventId, 'OB-2026/00301', {}]);
    assert.equal(bed.crvs.confirmations.length, 0, 'no GraphQL call in v2 mode');
    await untilBridge(bridge, async () => (await list()).every((e) => e.state === 'CONFIRMED'));
    const rows = await list();
    assert.deepEqual(rows.map((e) => [e.eventId, e.state, e.nationalId]).sort(), [[birth.eventId, 'CONFIRMED', child.uin], [death.eventId, 'CONFIRMED', deceased]].sort());
    assert.equal((await identities()).find((i) => i.uin === deceased)?.deceased, true);
  });

  it('refuses an event without a valid OpenCRVS action token (another key, the static token, no action claims) and stores nothing', { timeout: 30_000 }, async () => {
    const before = await list();
    const event = birthEvent(302, Date.now(), PARENT_UIN);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const tokens: [string, string][] = [
      ['signed by another key', bed.crvs.v2.signToken({ eventId: 'e', actionId: 'a' }, stranger)],
      ['the bridge\'s static token', WEBHOOK_TOKEN],
      ['no action claims', bed.crvs.v2.signToken({})],
    ];
    for (const [what, token] of tokens) {
      const answer = await bed.crvs.send(bed.webhookUrl, token, event);
      assert.deepEqual([answer.status, code(answer)], [401, 'ERR_CRVS_WEBHOOK_UNAUTHORIZED'], what);
    }
    assert.deepEqual(await list(), before, 'nothing stored from a refused request');
    // the simulator answers as OpenCRVS's events service: a bad token 401, a malformed input 400
    const call = (authorization: string, json: unknown) => fetch(`${bed.crvs.eventsUrl}/event.actions.register.accept?batch=1`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ 0: { json } }) });
    const action = bed.crvs.v2.registerAction();
    assert.equal((await call(`Bearer ${bed.crvs.v2.signToken(action, stranger)}`, { ...action, transactionId: 't', registrationNumber: 'r' })).status, 401);
    const malformed = await call(`Bearer ${action.token}`, { eventId: action.eventId, transactionId: 't' });
    assert.deepEqual([malformed.status, ((await malformed.json()) as [{ error: { json: { data: { code: string } } } }])[0].error.json.data.code], [400, 'BAD_REQUEST']);
  });

  it('after a SIGKILL while OpenCRVS takes the accept, the restarted bridge confirms again and OpenCRVS records each action once', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const deceased = await person('Falecido Kill');
    const sent = [await bed.crvs.sendV2(bed.webhookUrl, birthEvent(303, now, PARENT_UIN)), await bed.crvs.sendV2(bed.webhookUrl, birthEvent(304, now, PARENT_UIN)), await bed.crvs.sendV2(bed.webhookUrl, deathEvent(303, now, deceased))];
    assert.ok(sent.every((s) => s.status === 202));
    const victim = bridge;
    // the kill lands after MOSIP's UIN came back and while OpenCRVS handles the confirmation
    bed.crvs.events.once('acceptCall', () => victim.child.kill('SIGKILL'));
    await processDuring(bed.sim, victim.exited);
    bridge = await spawnBridge(bed);
    const actions = sent.map((s) => s.actionId);
    const accepted = () => actions.every((a) => bed.crvs.v2.accepts.some((x) => x.actionId === a));
    await processUntil(bed.sim, bed.crvs, accepted);
    await untilBridge(bridge, async () => (await list()).filter((e) => sent.some((s) => s.eventId === e.eventId)).every((e) => e.state === 'CONFIRMED'));
    for (const a of actions) assert.equal(bed.crvs.v2.accepts.filter((x) => x.actionId === a).length, 1, `action ${a} accepted once`);
    const repeated = actions.filter((a) => (bed.crvs.v2.calls.get(a) ?? 0) > 1);
    assert.equal(repeated.length, 1, 'the accept cut by the kill was sent again, and OpenCRVS took it as the same one');
  });

  it('parks an event whose OpenCRVS token expired before MOSIP answered (ERR_CRVS_CONFIRM_REFUSED), confirming nothing', { timeout: 60_000 }, async () => {
    const sent = await bed.crvs.sendV2(bed.webhookUrl, birthEvent(305, Date.now(), PARENT_UIN));
    assert.equal(sent.status, 202);
    bed.crvs.v2.expireTokens();
    const parked = async () => (await list()).find((e) => e.eventId === sent.eventId)?.state === 'PARKED';
    await processDuring(bed.sim, untilBridge(bridge, parked));
    const row = (await list()).find((e) => e.eventId === sent.eventId)!;
    assert.deepEqual([row.state, row.lastErrorCode, row.nationalId !== null], ['PARKED', 'ERR_CRVS_CONFIRM_REFUSED', true]);
    assert.equal(bed.crvs.v2.accepts.some((a) => a.actionId === sent.actionId), false);
    assert.equal((await bed.cli(['crvs', 'list'])).code, 4, 'a person must act');
  });
});
