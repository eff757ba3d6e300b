import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CrvsEvent } from '../../../schemas/crvsBridge';
import { birthEvent, deathEvent } from '../../sims/opencrvs/payloads';
import { admin } from '../sync/syncTestBed';
import { bundleCli, PARENT_UIN, spawnBridge, startBridgeBed, untilBridge, WEBHOOK_TOKEN, type BridgeBed, type BridgeProcess } from './bridgeBed';
import { processDuring, processUntil, untilConfirmed } from './regprocDriver';

type SimIdentity = { uin: string; fields: Record<string, unknown>; deceased: boolean };
type SimPacket = { registrationId: string; registrationType: string; status: string };

/** Runs a seeded test: prints `seed N`, takes TEST_SEED to replay one (mulberry32). */
function seeded(): { seed: number; random: () => number } {
  const seed = process.env['TEST_SEED'] ? Number(process.env['TEST_SEED']) : Math.floor(Math.random() * 2 ** 31);
  let a = seed >>> 0;
  return {
    seed,
    random: () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * Issue 16's faults, with the bridge in its own process and MOSIP and OpenCRVS simulated on
 * loopback: MOSIP down for part of a run, and the bridge SIGKILLed at random moments. Every event
 * ends confirmed with its national ID (or the deceased flag), none lost, and MOSIP, counting,
 * holds one packet and one identity per event.
 */
describe('regclient bridge under faults', () => {
  let bed: BridgeBed;
  let bin: string;
  let bridge: BridgeProcess | undefined;
  const list = async () => JSON.parse((await bed.cli(['crvs', 'list', '--json'])).out) as CrvsEvent[];
  const identities = async () => (await admin(bed.sim, 'identities', undefined, 'GET'))['identities'] as SimIdentity[];
  const packets = async () => Object.values((await admin(bed.sim, 'stats', undefined, 'GET'))['packets'] as Record<string, SimPacket>);
  const deceasedPeople = async (n: number, prefix: string) => {
    const uins: string[] = [];
    for (let i = 0; i < n; i++) uins.push(String((await admin(bed.sim, 'identities', { fields: { fullName: [{ language: 'por', value: `${prefix} ${i}` }] } }))['uin']));
    return uins;
  };

  /** Every event of `ids` confirmed once or more; MOSIP holds exactly one packet per event and one child per birth. */
  async function assertExactlyOnce(ids: readonly string[], deathUins: readonly string[]): Promise<void> {
    const events = (await list()).filter((e) => ids.includes(e.eventId));
    assert.equal(events.length, ids.length, 'none lost');
    assert.deepEqual(events.filter((e) => e.state !== 'CONFIRMED').map((e) => `${e.eventId}:${e.state}`), []);
    const byRid = new Map((await packets()).map((p) => [p.registrationId, p]));
    const rids = events.map((e) => e.rid!);
    assert.equal(new Set(rids).size, ids.length, 'one RID per event');
    assert.ok(rids.every((rid) => byRid.get(rid)?.status === 'PROCESSED'), 'each packet PROCESSED');
    const all = await packets();
    for (const e of events) assert.equal(all.filter((p) => p.registrationId === e.rid).length, 1, `${e.eventId}: one packet`);
    const people = await identities();
    for (const e of events.filter((x) => x.kind === 'BIRTH')) {
      const children = people.filter((i) => i.fields['birthCertificateNumber'] === e.registrationNumber);
      assert.equal(children.length, 1, `${e.eventId}: one identity`);
      assert.equal(e.nationalId, children[0]!.uin);
      assert.ok(bed.crvs.confirmations.some((c) => c.id === e.eventId && c.identifiers[0]?.value === children[0]!.uin), `${e.eventId}: OpenCRVS has the national ID`);
    }
    for (const uin of deathUins) assert.equal(people.find((i) => i.uin === uin)?.deceased, true, `${uin} deceased`);
    for (const e of events.filter((x) => x.kind === 'DEATH')) assert.ok(e.deceased && bed.crvs.confirmations.some((c) => c.id === e.eventId && c.comment !== null));
  }

  before(async () => {
    bed = await startBridgeBed('crvs-faults-');
    bin = await bundleCli();
  });
  after(async () => {
    bridge?.child.kill('SIGKILL');
    await bed?.close();
    if (bin) rmSync(dirname(bin), { recursive: true, force: true });
  });

  it('MOSIP down, then OpenCRVS down, for part of a run of 50 births and 10 deaths: all confirmed, none lost, none created twice', { timeout: 240_000 }, async () => {
    const deathUins = await deceasedPeople(10, 'Falecido');
    // the bridge starts while MOSIP is down: it must take events, and subscribe once MOSIP is back
    await bed.sim.kill();
    bridge = await spawnBridge(bed, bin);
    const now = Date.now();
    const events = [...Array.from({ length: 50 }, (_, i) => birthEvent(100 + i, now, PARENT_UIN)), ...deathUins.map((uin, i) => deathEvent(100 + i, now, uin))];
    // interleave deaths among births; the first half arrives while MOSIP is down
    const order = events.map((e, i) => ({ e, k: i < 50 ? i : (i - 50) * 5 + 2.5 })).sort((a, b) => a.k - b.k).map((x) => x.e);
    for (const event of order.slice(0, 30)) {
      const answer = await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, event);
      assert.equal(answer.status, 202, 'civil registration is never blocked by MOSIP being down');
    }
    await untilBridge(bridge, async () => (await list()).filter((e) => e.state === 'QUEUED').length >= 30);
    assert.equal(Object.keys(bed.sim.state.data.packets).length, 0, 'nothing reached MOSIP while it was down');
    // MOSIP comes back while OpenCRVS's gateway is down: national IDs arrive and wait to be confirmed
    bed.crvs.down = true;
    await bed.sim.revive();
    for (const event of order.slice(30)) assert.equal((await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, event)).status, 202);
    const ids = events.map((e) => String(e['eventId']));
    const driving = processUntil(bed.sim, bed.crvs, () => ids.every((id) => bed.crvs.countsById().has(id)));
    await untilBridge(bridge, async () => (await list()).some((e) => e.state === 'ISSUED' && e.lastErrorCode === 'ERR_CRVS_CONFIRM_FAILED'));
    assert.equal(bed.crvs.confirmations.length, 0);
    bed.crvs.down = false;
    await driving;
    await untilBridge(bridge, async () => (await list()).filter((e) => ids.includes(e.eventId)).every((e) => e.state === 'CONFIRMED'));
    await assertExactlyOnce(ids, deathUins);
    assert.ok(ids.every((id) => bed.crvs.countsById().get(id) === 1), 'each confirmed once (no crash in this run)');
    bridge.child.kill('SIGTERM');
    assert.equal(await bridge.exited, 0);
    bridge = undefined;
  });

  it('SIGKILL of the bridge at a random moment, 20 seeded runs: all confirmed, none created twice', { timeout: 480_000 }, async () => {
    const { seed, random } = seeded();
    console.log(`seed ${seed}`);
    const killedAt: string[] = [];
    for (let run = 0; run < 20; run++) {
      const now = Date.now();
      const [deathUin] = await deceasedPeople(1, `Run ${run}`);
      const events = [birthEvent(1000 + run * 10, now, PARENT_UIN), birthEvent(1001 + run * 10, now, PARENT_UIN), deathEvent(1000 + run, now, deathUin!)];
      const ids = events.map((e) => String(e['eventId']));
      bridge = await spawnBridge(bed, bin);
      const victim = bridge;
      // the kill comes after a random number of the bridge's log lines (0 = before any event arrived)
      const killAfter = Math.floor(random() * 6);
      let lines = 0;
      const kill = () => {
        if (lines++ >= killAfter) victim.child.kill('SIGKILL');
      };
      kill();
      victim.child.stderr!.on('data', kill);
      // regproc runs until the victim dies (or, with a late kill, until every event was confirmed)
      const driving = processDuring(bed.sim, Promise.race([victim.exited, untilConfirmed(bed.crvs, () => ids.every((id) => bed.crvs.countsById().has(id)))]));
      for (const event of events) {
        // a dead bridge refuses the connection: OpenCRVS sends the event again later (below)
        await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, event).catch(() => undefined);
      }
      await driving;
      victim.child.kill('SIGKILL');
      await victim.exited;
      const atKill = (await list()).filter((e) => ids.includes(e.eventId)).map((e) => e.state);
      killedAt.push(`${killAfter}:${atKill.length ? atKill.join('/') : 'none stored'}`);
      // restarted, as systemd does; OpenCRVS resends what the dead bridge never acknowledged
      bridge = await spawnBridge(bed, bin);
      for (const event of events) {
        const answer = await bed.crvs.send(bed.webhookUrl, WEBHOOK_TOKEN, event);
        assert.ok(answer.status === 202 || answer.status === 200, `seed ${seed} run ${run}: ${answer.status}`);
      }
      const live = bridge;
      await processUntil(bed.sim, bed.crvs, () => ids.every((id) => bed.crvs.countsById().has(id)));
      await untilBridge(live, async () => (await list()).filter((e) => ids.includes(e.eventId)).every((e) => e.state === 'CONFIRMED'));
      await assertExactlyOnce(ids, [deathUin!]);
      live.child.kill('SIGTERM');
      await live.exited;
      bridge = undefined;
    }
    // where each kill landed (log lines before it: events' states), and confirmations a crash made OpenCRVS see twice
    const repeats = [...bed.crvs.countsById().values()].filter((n) => n > 1).length;
    console.log(`seed ${seed}: kills at ${killedAt.join(', ')}; ${repeats} confirmation(s) repeated after a kill`);
  });
});
