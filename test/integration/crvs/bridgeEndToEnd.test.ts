import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CrvsEvent } from '../../../schemas/crvsBridge';
import { birthEvent, deathEvent } from '../../sims/opencrvs/payloads';
import { admin } from '../sync/syncTestBed';
import { PARENT_UIN, spawnBridge, startBridgeBed, WEBHOOK_TOKEN, type BridgeBed, type BridgeProcess } from './bridgeBed';
import { processUntil } from './regprocDriver';

type SimIdentity = { uin: string; fields: Record<string, unknown>; deceased: boolean; registrationIds: string[] };

/**
 * Issue 16 end to end: OpenCRVS (simulated) sends a REGISTERED birth and death to `regclient
 * bridge` (its own process); the bridge answers 202, builds CRVS_NEW / CRVS_DEATH packets through
 * the outbox, MOSIP (simulated) processes them and publishes CREDENTIAL_ISSUED, encrypted to the
 * partner key and signed with the subscription secret; the bridge confirms the national ID back.
 */
describe('regclient bridge: OpenCRVS event → MOSIP packet → national ID confirmed', () => {
  let bed: BridgeBed;
  let bridge: BridgeProcess;
  const list = async () => {
    const r = await bed.cli(['crvs', 'list', '--json']);
    assert.ok(r.code === 0 || r.code === 4, r.err);
    return JSON.parse(r.out) as CrvsEvent[];
  };
  const identities = async () => (await admin(bed.sim, 'identities', undefined, 'GET'))['identities'] as SimIdentity[];

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

    const events = await list();
    const birthRow = events.find((e) => e.eventId === 'birth-1');
    assert.deepEqual([birthRow?.state, birthRow?.nationalId, child.registrationIds.includes(birthRow?.rid ?? '')], ['CONFIRMED', child.uin, true], 'the AID (RID) is recorded and printable');
    assert.deepEqual(events.map((e) => [e.eventId, e.state, e.deceased]).sort(), [['birth-1', 'CONFIRMED', false], ['death-1', 'CONFIRMED', true]]);
    const table = await bed.cli(['crvs', 'list']);
    assert.match(table.out, new RegExp(`birth-1\\s+BIRTH\\s+CONFIRMED\\s+${birthRow!.rid}\\s+${child.uin}`));
  });
});
