import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OutboxItem } from '../../../schemas/outbox';
import type { Page } from '../../../schemas/paging';
import { openDataDir } from '../../../electron/host/openDataDir';
import { seedListRows, type SeededRow, byKey } from '../../helpers/seedListRows';
import { makeTempDir } from '../../helpers/tempDir';
import { testRandom } from '../../helpers/testRandom';
import { runCliWithEnv } from '../sync/cliTestBed';

/** `regclient packets list` reads a page: --limit, --cursor, --json as {items,total,nextCursor}. */
describe('regclient packets list, a page at a time', () => {
  const random = testRandom('packetsListPaging');
  const dir = makeTempDir('cli-paging-');
  const dataDir = join(dir.path, 'client');
  let rows: SeededRow[];
  const cli = (argv: readonly string[]) => runCliWithEnv(['packets', 'list', '--data-dir', dataDir, ...argv], {});
  before(() => {
    const data = openDataDir({ dataDir, env: {} });
    try {
      rows = seedListRows(data.db, random, 130).sort(byKey);
    } finally {
      data.close();
    }
  });
  after(() => dir.remove());

  it('prints 50 rows by default with the total and the next page\'s cursor, and follows it to the end', async () => {
    const text = await cli([]);
    assert.equal(text.code, 0, text.err);
    const footer = text.out.trim().split('\n').at(-1)!;
    assert.match(footer, /^50 of 130 packet\(s\); next page: --cursor [A-Za-z0-9_-]+$/);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const run = await cli(['--json', '--limit', '40', ...(cursor ? ['--cursor', cursor] : [])]);
      const page = JSON.parse(run.out) as Page<OutboxItem>;
      assert.equal(page.total, 130);
      seen.push(...page.items.map((i) => i.rid));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, rows.map((r) => r.rid));
  });

  it('filters by --status with its own total', async () => {
    const page = JSON.parse((await cli(['--json', '--status', 'parked', '--limit', '500'])).out) as Page<OutboxItem>;
    const parked = rows.filter((r) => r.state === 'PARKED').map((r) => r.rid);
    assert.deepEqual([page.items.map((i) => i.rid), page.total, page.nextCursor], [parked, parked.length, null]);
  });

  it('refuses a bad --limit and a forged --cursor with catalogue codes naming the argument', async () => {
    for (const limit of ['0', '501', 'ten', '2.5']) {
      const run = await cli(['--json', '--limit', limit]);
      assert.equal(run.code, 2, `${limit}: ${run.out}${run.err}`);
      assert.match(run.out + run.err, /ERR_CLI_BAD_ARGUMENT/);
      assert.match(run.out + run.err, /--limit/);
    }
    const notBase64 = await cli(['--json', '--cursor', 'a b']);
    assert.match(notBase64.out + notBase64.err, /ERR_CLI_BAD_ARGUMENT[\s\S]*--cursor|--cursor[\s\S]*ERR_CLI_BAD_ARGUMENT/);
    const forged = await cli(['--json', '--cursor', Buffer.from('{"l":"outbox","k":["x",1]}').toString('base64url')]);
    assert.notEqual(forged.code, 0);
    assert.match(forged.out + forged.err, /ERR_PAGE_CURSOR_INVALID/);
  });
});
