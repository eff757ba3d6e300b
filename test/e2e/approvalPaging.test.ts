import assert from 'node:assert/strict';
import { before, describe } from 'node:test';
import { seedListRows, type SeededRow } from '../helpers/seedListRows';
import { testRandom } from '../helpers/testRandom';
import { seriousA11yViolations } from './helpers/axe';
import { openApprovalQueue } from './helpers/approveAndSync';
import { itSavingArtifacts } from './helpers/startApp';
import { useInProcessApp } from './helpers/useInProcessApp';

/**
 * The approval queue with a few hundred packets (issue 17): the table renders only the rows in
 * view and loads pages as it scrolls, shows "1–n of total", keeps the selection across pages,
 * filters in the back end, and approves all matching with one password. Rows are inserted through
 * the repository functions (this is about the list, not the packets' contents).
 */
describe('approval queue with hundreds of packets (browser host, Debian Chromium)', () => {
  const random = testRandom('approvalPaging e2e');
  let rows: SeededRow[];
  const errors: string[] = [];
  const e2e = useInProcessApp({ timeoutMs: 15_000, errors });

  before(() => {
    rows = seedListRows(e2e.app.backEnd.services.data.db, random, 400, e2e.app.backEnd.clock.now() - 3_600_000);
  });

  const it = itSavingArtifacts(e2e.current, { prefix: 'approval paging', afterBody: () => assert.deepEqual(errors, []) });
  const waiting = (keep: (r: SeededRow) => boolean = () => true) => rows.filter((r) => (r.state === 'PENDING' || r.state === 'ON_HOLD') && keep(r));
  const range = () => e2e.page.getByTestId('approval-range');
  const scroller = () => e2e.page.getByTestId('approval-scroll');
  const renderedRows = () => e2e.page.locator('[data-testid="approval-scroll"] tbody[data-index]').count();

  async function openApprovals() {
    await openApprovalQueue(e2e.page, e2e.app.url);
    await range().filter({ hasText: `of ${waiting().length}` }).waitFor();
  }

  it('renders only the rows in view, loads pages while scrolling, and keeps a selection made on page one', async () => {
    const { page } = e2e;
    await openApprovals();
    const total = waiting().length;
    assert.match((await range().textContent()) ?? '', new RegExp(`^1–\\d+ of ${total}$`));
    const first = page.locator('[data-testid="approval-scroll"] tbody[data-index="2"] input[type="checkbox"]');
    await first.check();
    await page.getByRole('status').filter({ hasText: '1 selected' }).waitFor();
    // each poll scrolls to the end of what is loaded; the next page arrives, and the next poll goes further
    await page.waitForFunction(
      (end) => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): { scrollTo(x: number, y: number): void; scrollHeight: number; textContent: string | null } | null } }).document;
        doc.querySelector('[data-testid="approval-scroll"]')?.scrollTo(0, doc.querySelector('[data-testid="approval-scroll"]')!.scrollHeight);
        return (doc.querySelector('[data-testid="approval-range"]')?.textContent ?? '').endsWith(end);
      },
      `${total} of ${total}`,
      { polling: 100, timeout: 30_000 },
    );
    assert.match((await range().textContent()) ?? '', new RegExp(`–${total} of ${total}$`), 'scrolled to the last row of the last page');
    assert.ok((await renderedRows()) < 60, `only the rows in view are in the DOM, not ${total}`);
    await scroller().evaluate((el) => el.scrollTo(0, 0));
    await page.locator('[data-testid="approval-scroll"] tbody[data-index="2"] input[type="checkbox"]:checked').waitFor();
    await page.getByRole('status').filter({ hasText: '1 selected' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('filters in the back end, shows the count in the Arabic format, and approves all matching with one password', async () => {
    const { page } = e2e;
    await openApprovals();
    const updates = waiting((r) => r.process === 'UPDATE');
    await page.getByLabel('Process').selectOption('UPDATE');
    await range().filter({ hasText: new RegExp(`of ${updates.length}$`) }).waitFor();
    await page.getByRole('button', { name: `Select all ${updates.length} matching` }).click();
    await page.getByRole('status').filter({ hasText: `All ${updates.length} matching registrations selected` }).waitFor();
    await page.getByRole('button', { name: `Approve ${updates.length}` }).click();
    const dialog = page.getByRole('dialog', { name: `Approve all ${updates.length} matching registrations` });
    await dialog.getByLabel('Your password (to confirm)').fill('Supervisor#2026');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByTestId('bulk-result').filter({ hasText: `${updates.length} decided. 0 skipped` }).waitFor();
    await page.getByLabel('Process').selectOption('');
    const left = waiting().length - updates.length;
    await range().filter({ hasText: new RegExp(`of ${left}$`) }).waitFor();
    await page.getByTestId('language-select').selectOption('ara');
    // the page's own Intl for Arabic (the digits CLDR gives 'ar' in this Chromium), in the Arabic sentence
    const arabic = await page.evaluate((n) => new Intl.NumberFormat('ar').format(n), left);
    await range().filter({ hasText: new RegExp(`من ${arabic}$`) }).waitFor();
  });
});
