import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findImportCycles, isAllowedCycle } from '../../tools/importCycles';

describe('importCycles', () => {
  it('finds a circle through type imports and index files, and nothing in a tree', () => {
    const files = new Map([
      ['renderer/AppStores.tsx', "import type { A } from './features/a';\n"],
      ['renderer/features/a/index.ts', "export { View } from './View';\n"],
      ['renderer/features/a/View.tsx', "import { useX } from '../../AppStores';\nimport { fmt } from '../../common/fmt';\n"],
      ['renderer/common/fmt.ts', 'export const fmt = 1;\n'],
    ]);
    assert.deepEqual(findImportCycles(files), [['renderer/AppStores.tsx', 'renderer/features/a/View.tsx', 'renderer/features/a/index.ts']]);
    files.set('renderer/features/a/View.tsx', "import { fmt } from '../../common/fmt';\n");
    assert.deepEqual(findImportCycles(files), []);
  });

  it('allows a store and its slices naming each other, nothing wider', () => {
    assert.equal(isAllowedCycle(['renderer/features/x/store/slices/q/action.ts', 'renderer/features/x/store/store.ts']), true);
    assert.equal(isAllowedCycle(['renderer/features/x/store/store.ts', 'renderer/features/y/store/store.ts']), false);
    assert.equal(isAllowedCycle(['renderer/AppStores.tsx', 'renderer/features/x/store/store.ts']), false);
  });
});
