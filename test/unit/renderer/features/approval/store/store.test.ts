import assert from 'node:assert/strict';
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import { insertPacketSummary } from '../../../../../../electron/services/db/repos/packetSummaries';
import { createApprovalStore, type ApprovalStore } from '../../../../../../renderer/features/approval/store/store';
import { approvalSelectors } from '../../../../../../renderer/features/approval/store/slices/queue/selectors';
import { openSyncFixture, type SyncFixture } from '../../sync/openSyncFixture';

// One back end for the suite: opening a data dir (~4 s) and building packets (~1 s each) per test
// would cost a minute. Each test decides only its own packets (a, b, c, d), so order matters only
// for the first test (all four waiting) and the last (whatever is still waiting is approved).
describe('approval store (against the real Router)', () => {
  let fixture: SyncFixture;
  let store: ApprovalStore;
  let disconnect: () => void;
  let a: string, b: string, c: string, d: string;
  const packetIdOf = (rid: string) => store.getState().items.find((i) => i.rid === rid)?.packetId ?? assert.fail(`no packet ${rid}`);
  const visibleRids = () => approvalSelectors.visibleItems(store.getState()).map((i) => i.rid);

  before(async () => {
    fixture = await openSyncFixture();
    [a, b, c, d] = [await fixture.buildPacket('a'), await fixture.buildPacket('b'), await fixture.buildPacket('c'), await fixture.buildPacket('d')];
  });
  after(() => fixture.close());
  beforeEach(async () => {
    store = createApprovalStore(fixture.supervisor);
    disconnect = store.getState().connect();
    await store.getState().refresh();
  });
  afterEach(() => disconnect());

  it('lists the packets waiting for a decision, oldest first', () => {
    const s = store.getState();
    assert.equal(s.status, 'ready');
    assert.deepEqual(approvalSelectors.visibleItems(s).map((i) => [i.rid, i.state, i.process]), [a, b, c, d].map((rid) => [rid, 'PENDING', 'NEW']));
    assert.equal(approvalSelectors.pendingCount(s), 4);
  });

  it("shows each packet's resident and face from its summary, and searches by name or RID in the main process", async () => {
    // summaries as the screens' submit stores them (the CLI's packets.build stores none)
    const photo = Buffer.from('a small jpeg').toString('base64');
    const store1 = (rid: string, residentName: Record<string, string>, withPhoto: boolean) => {
      const packetId = packetIdOf(rid);
      const summary = { version: 1, rid, packetId, process: 'NEW', languages: ['por', 'eng'], createdAt: 1, officerId: 'officer1', residentName, photo: withPhoto ? photo : null, exceptionPhoto: null, demographics: [], documents: [], biometrics: [] };
      insertPacketSummary(fixture.services.data.db, { packet_id: packetId, rid, json: JSON.stringify(summary), created_at: 1 });
    };
    store1(c, { por: 'Conceição Quaresma Neves', eng: 'Mary Neves' }, true);
    store1(d, { por: 'Ana Trovoada' }, false);
    await store.getState().refresh();
    const person = (rid: string) => store.getState().items.find((i) => i.rid === rid)?.person;
    assert.deepEqual([person(a), person(c)?.residentName['por'], person(c)?.photo, person(d)?.photo], [null, 'Conceição Quaresma Neves', photo, null]);

    const search = async (text: string) => {
      await store.getState().setFilter({ search: text });
      return visibleRids();
    };
    assert.deepEqual(await search('neves conceicao'), [c], 'every word, any order, without accents or case');
    assert.deepEqual(await search('TROVOADA'), [d]);
    assert.deepEqual(await search('Neves Trovoada'), [], 'words of two residents match neither');
    assert.deepEqual(await search(` ${d.slice(5, 15)} `), [d], 'a part of the RID');
    assert.deepEqual(await search(''), [a, b, c, d], 'an empty box lists every waiting packet');
    // the filter is the back end's: the page sends it, and gets only the matches
    assert.deepEqual((await fixture.supervisor['packets.list']({ search: 'Ana', state: 'PENDING' })).items.map((i) => i.rid), [d]);
    await assert.rejects(fixture.supervisor['packets.list']({ search: '   ' }), (err: unknown) => JSON.stringify(err).includes('search'));

    // an event carries no person: the row keeps its name; while searching, a packet not listed stays out
    await store.getState().setFilter({ search: 'Ana' });
    const [itemD] = (await fixture.supervisor['packets.list']({ search: d })).items;
    fixture.services.hub.broadcast('outbox.onDidChange', itemD!);
    const [itemA] = (await fixture.supervisor['packets.list']({ search: a })).items;
    fixture.services.hub.broadcast('outbox.onDidChange', itemA!);
    assert.deepEqual([visibleRids(), person(d)?.residentName['por']], [[d], 'Ana Trovoada']);
    await store.getState().setFilter({ search: '' });
  });

  it('loads the reasons in the UI language and falls back to every language', async () => {
    await store.getState().loadReasons('por');
    assert.deepEqual(store.getState().reasons.map((r) => [r.code, r.name]), [['APM', 'Foto não corresponde'], ['DMD', 'Documentos ilegíveis']]);
    await store.getState().loadReasons('fra');
    assert.deepEqual(store.getState().reasons.map((r) => [r.code, r.langCode]), [['APM', 'eng'], ['DMD', 'por']]);
  });

  it('keeps the dialog open with the error code on a wrong password', async () => {
    store.getState().startDecision('approve', [packetIdOf(a)]);
    await store.getState().confirmDecision('wrong');
    const decision = store.getState().decision;
    assert.equal(decision?.status, 'failed');
    assert.equal(decision?.error?.code, 'ERR_AUTH_WRONG_PASSWORD');
    assert.ok(visibleRids().includes(a));
  });

  it('opens one summary at a time, names a missing one, and closes on a second toggle', async () => {
    // packets.build (the CLI's path) stores no review summary
    await store.getState().toggleSummary({ packetId: packetIdOf(a), rid: a });
    const open = store.getState().openSummary;
    assert.deepEqual([open?.rid, open?.status, open?.error?.code, open?.error?.details], [a, 'failed', 'ERR_SYNC_PACKET_SUMMARY_MISSING', { rid: a }]);
    await store.getState().toggleSummary({ packetId: packetIdOf(b), rid: b });
    assert.equal(store.getState().openSummary?.rid, b);
    await store.getState().toggleSummary({ packetId: packetIdOf(b), rid: b });
    assert.equal(store.getState().openSummary, null);
    const officerStore = createApprovalStore(fixture.officer);
    await officerStore.getState().toggleSummary({ packetId: packetIdOf(a), rid: a });
    assert.equal(officerStore.getState().openSummary?.error?.code, 'ERR_AUTH_FORBIDDEN');
  });

  it('refuses a decision from an officer in the main process', async () => {
    const officerStore = createApprovalStore(fixture.officer);
    await officerStore.getState().refresh();
    officerStore.getState().startDecision('approve', [packetIdOf(a)]);
    await officerStore.getState().confirmDecision('Officer#2026');
    assert.equal(officerStore.getState().decision?.error?.code, 'ERR_AUTH_FORBIDDEN');
  });

  it('refreshes by date range: a range ending yesterday is empty', async () => {
    const today = new Date(fixture.clock.now());
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    const before = visibleRids();
    await store.getState().setFilter({ fromDate: day, toDate: day });
    assert.deepEqual(store.getState().items, []);
    await store.getState().setFilter({ fromDate: '', toDate: '' });
    assert.deepEqual(visibleRids(), before);
  });

  it('needs a reason to reject, then rejects with it', async () => {
    store.getState().startDecision('reject', [packetIdOf(a)]);
    assert.equal(approvalSelectors.canConfirm(store.getState()), false);
    await store.getState().confirmDecision('Supervisor#2026');
    assert.equal(store.getState().decision?.status, 'editing', 'nothing is sent without a reason');
    store.getState().setReason('DMD');
    await store.getState().confirmDecision('Supervisor#2026');
    assert.equal(store.getState().decision, null);
    assert.deepEqual(store.getState().lastResult?.items.map((i) => [i.rid, i.state, i.supervisorStatus, i.reasonCode, i.decidedBy]), [[a, 'READY', 'REJECTED', 'DMD', 'supervisor1']]);
    assert.equal(visibleRids().includes(a), false);
  });

  it('keeps a held packet in the queue as ON_HOLD and filters by state', async () => {
    store.getState().startDecision('hold', [packetIdOf(b)]);
    store.getState().setReason('APM');
    await store.getState().confirmDecision('Supervisor#2026');
    await store.getState().setFilter({ state: 'ON_HOLD' });
    assert.deepEqual(approvalSelectors.visibleItems(store.getState()).map((i) => [i.rid, i.state, i.reasonCode]), [[b, 'ON_HOLD', 'APM']]);
  });

  it('puts the error of an already decided packet on that packet and decides none', async () => {
    const [cId, dId] = [packetIdOf(c), packetIdOf(d)];
    // decided in another window while this store missed the broadcast (e.g. reconnecting): it still shows the packet
    disconnect();
    await fixture.supervisor['packets.approve']({ ids: [cId], password: 'Supervisor#2026' });
    store.getState().startDecision('approve', [cId, dId]);
    await store.getState().confirmDecision('Supervisor#2026');
    assert.deepEqual(approvalSelectors.packetError(cId)(store.getState()), { code: 'ERR_SYNC_PACKET_ALREADY_DECIDED', details: { rid: c, state: 'READY' } });
    assert.equal(approvalSelectors.packetError(dId)(store.getState()), null);
    await store.getState().refresh();
    assert.deepEqual(store.getState().items.find((i) => i.rid === d)?.state, 'PENDING');
  });

  it('follows a decision taken in another window through the outbox broadcast, keeping a held packet open', async () => {
    const bId = packetIdOf(b);
    assert.equal(store.getState().items.find((i) => i.rid === b)?.reasonCode, 'APM');
    await store.getState().toggleSummary({ packetId: bId, rid: b });
    await fixture.supervisor['packets.hold']({ ids: [bId], reasonCode: 'DMD', password: 'Supervisor#2026' });
    assert.deepEqual([store.getState().items.find((i) => i.rid === b)?.state, store.getState().items.find((i) => i.rid === b)?.reasonCode], ['ON_HOLD', 'DMD']);
    assert.equal(store.getState().openSummary?.rid, b, 'a held packet still waits for a decision: its summary stays open');
  });

  it('approves every visible packet in bulk with the password and empties the queue', async () => {
    const waiting = visibleRids();
    assert.deepEqual(waiting, [b, d]);
    store.getState().toggleAllVisible();
    assert.equal(approvalSelectors.isAllVisibleSelected(store.getState()), true);
    store.getState().startDecision('approve');
    await store.getState().confirmDecision('Supervisor#2026');
    const s = store.getState();
    assert.deepEqual(s.lastResult?.items.map((i) => [i.rid, i.state, i.supervisorStatus]), waiting.map((rid) => [rid, 'READY', 'APPROVED']));
    assert.deepEqual([s.items, s.selected, s.decision], [[], [], null]);
  });

  it('resets to the initial state', () => {
    store.getState().setReason('x');
    store.getState().reset();
    assert.deepEqual([store.getState().status, store.getState().items, store.getState().decision], ['idle', [], null]);
  });
});
