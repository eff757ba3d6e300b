import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialApprovalState, type ApprovalState } from '../../../../../../../../renderer/features/approval/store/initialState';
import { approvalSelectors } from '../../../../../../../../renderer/features/approval/store/slices/queue/selectors';
import { outboxItem } from '../../../../sync/itemBuilder';

describe('approvalSelectors', () => {
  const items = [
    outboxItem({ packetId: 'p1', process: 'NEW', state: 'PENDING' }),
    outboxItem({ packetId: 'p2', process: 'UPDATE', state: 'ON_HOLD' }),
    outboxItem({ packetId: 'p3', process: 'NEW', state: 'ON_HOLD' }),
  ];
  const state = (change: Partial<ApprovalState>): ApprovalState => ({ ...initialApprovalState(), items, ...change });
  const ids = (s: ApprovalState) => approvalSelectors.visibleItems(s).map((i) => i.packetId);

  it('filters by state and process', () => {
    const filter = initialApprovalState().filter;
    assert.deepEqual(ids(state({})), ['p1', 'p2', 'p3']);
    assert.deepEqual(ids(state({ filter: { ...filter, state: 'ON_HOLD' } })), ['p2', 'p3']);
    assert.deepEqual(ids(state({ filter: { ...filter, state: 'ON_HOLD', process: 'NEW' } })), ['p3']);
    assert.deepEqual(approvalSelectors.processes(state({})), ['NEW', 'UPDATE']);
  });

  it('knows when every visible packet is selected', () => {
    const filter = { ...initialApprovalState().filter, process: 'NEW' };
    assert.equal(approvalSelectors.isAllVisibleSelected(state({ filter, selected: ['p1', 'p3'] })), true);
    assert.equal(approvalSelectors.isAllVisibleSelected(state({ selected: ['p1', 'p3'] })), false);
    assert.equal(approvalSelectors.isAllVisibleSelected(state({ items: [], selected: [] })), false);
  });

  it('allows confirming a rejection or hold only with a reason, and never twice', () => {
    const decision = { action: 'reject' as const, packetIds: ['p1'], matching: null, reasonCode: '', status: 'editing' as const, error: null };
    assert.equal(approvalSelectors.canConfirm(state({ decision })), false);
    assert.equal(approvalSelectors.canConfirm(state({ decision: { ...decision, action: 'hold' } })), false);
    assert.equal(approvalSelectors.canConfirm(state({ decision: { ...decision, action: 'approve' } })), true);
    assert.equal(approvalSelectors.canConfirm(state({ decision: { ...decision, reasonCode: 'DMD' } })), true);
    assert.equal(approvalSelectors.canConfirm(state({ decision: { ...decision, reasonCode: 'DMD', status: 'submitting' } })), false);
    assert.equal(approvalSelectors.canConfirm(state({})), false);
  });

  it("names a reason in the loaded language, falls back to its code, and is null without one", () => {
    const s = state({ reasons: [{ code: 'DMD', name: 'Documentos ilegíveis', category: 'CLR', langCode: 'por' }] });
    assert.deepEqual([approvalSelectors.reasonName('DMD')(s), approvalSelectors.reasonName('APM')(s), approvalSelectors.reasonName(null)(s)], ['Documentos ilegíveis', 'APM', null]);
  });

  it('counts pending packets and finds a packet error', () => {
    const s = state({ packetErrors: { p2: { code: 'ERR_SYNC_PACKET_ALREADY_DECIDED', details: { rid: 'R' } } } });
    assert.equal(approvalSelectors.pendingCount(s), 1);
    assert.deepEqual(approvalSelectors.packetError('p2')(s), { code: 'ERR_SYNC_PACKET_ALREADY_DECIDED', details: { rid: 'R' } });
    assert.equal(approvalSelectors.packetError('p1')(s), null);
  });
});
