import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDataDir } from '../../../electron/host/openDataDir';
import { countOperators, getOperator } from '../../../electron/services/db/repos/operators';
import { makeTempDir } from '../../helpers/tempDir';
import { runStart } from './startProcess';

const DEMO_IDS = ['officer1', 'supervisor1', 'viewer1'];

/** The demo operators a data dir holds after a start (read through its own key), and whether it holds any other. */
function operatorIds(dataDir: string): string[] {
  // the start used this data dir (opening a missing one here would create an empty one)
  assert.equal(existsSync(join(dataDir, 'keys')), true, `no data dir at ${dataDir}`);
  const data = openDataDir({ dataDir, env: {} });
  try {
    const demo = DEMO_IDS.filter((id) => getOperator(data.db, id) !== undefined);
    return countOperators(data.db) === demo.length ? demo : [...demo, 'another operator'];
  } finally {
    data.close();
  }
}

// `npm start` as a process. Whether it then serves the page (a renderer build in dist/) or stops at
// the browser host (none), the data dir and its operators are in place by then.
describe('npm start with a data dir: the demo only on request', () => {
  let temp: ReturnType<typeof makeTempDir>;
  before(() => {
    temp = makeTempDir();
  });
  after(() => temp.remove());

  it('--data-dir without --demo seeds no demo operators (their passwords are published)', async () => {
    const dataDir = join(temp.path, 'plain');
    const r = await runStart(['--data-dir', dataDir]);
    assert.doesNotMatch(r.out, /, demo\)/);
    assert.deepEqual(operatorIds(dataDir), [], r.err);
  });

  it('REGCLIENT_DATA_DIR without --demo seeds none either', async () => {
    const dataDir = join(temp.path, 'env');
    await runStart([], { REGCLIENT_DATA_DIR: dataDir });
    assert.deepEqual(operatorIds(dataDir), []);
  });

  it('--data-dir with --demo seeds the demo operators', async () => {
    const dataDir = join(temp.path, 'demo');
    const r = await runStart(['--data-dir', dataDir, '--demo']);
    assert.deepEqual(operatorIds(dataDir), DEMO_IDS, r.err);
  });
});
