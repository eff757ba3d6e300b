import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateRange } from '../../../../../../../../renderer/features/approval/store/slices/queue/dateRange';

describe('dateRange', () => {
  it('runs from local midnight of the first day to local midnight after the last', () => {
    assert.deepEqual(dateRange('2026-02-28', '2026-02-28'), { from: new Date(2026, 1, 28).getTime(), to: new Date(2026, 2, 1).getTime() });
  });

  it('leaves an empty or malformed end open', () => {
    assert.deepEqual(dateRange('', '2026-12-31'), { to: new Date(2027, 0, 1).getTime() });
    assert.deepEqual(dateRange('31/12/2026', ''), {});
  });
});
