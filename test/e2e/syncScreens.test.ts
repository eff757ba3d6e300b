import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe } from 'node:test';
import { seriousA11yViolations } from './helpers/axe';
import { prepareApprovalDay, PENDING_LIMIT, type ApprovalDay } from './helpers/approvalDay';
import { openApprovalQueue } from './helpers/approveAndSync';
import { logIn } from './helpers/logIn';
import { ARTIFACTS, itSavingArtifacts } from './helpers/startApp';
import { useInProcessApp } from './helpers/useInProcessApp';

const SCREENS = join(ARTIFACTS, 'screens');

/**
 * The approval queue, sync screen and dashboard cards in Debian Chromium at 1366×768, on the real
 * back end through the browser host (approvalDay.ts makes the packets: registered, CLI-built, one
 * parked by a real sync against the MOSIP simulator): keyboard selection and bulk decisions, the
 * modal dialog's focus and Escape, the review summary's quality flags, axe on each view (also in
 * Arabic), and the README screenshots. The tests share one day: the rejection comes last.
 */
describe('approval and sync screens (browser host, real services, Debian Chromium)', () => {
  let day: ApprovalDay;
  const errors: string[] = [];
  // the page's clock is the back end's (22 November 2026), so "today" is the day the packets were made
  const e2e = useInProcessApp({ server: true, timeoutMs: 15_000, errors });

  before(async () => {
    day = await prepareApprovalDay(e2e.app);
    mkdirSync(SCREENS, { recursive: true });
  });

  const it = itSavingArtifacts(e2e.current, { prefix: 'sync screens', afterBody: () => assert.deepEqual(errors, []) });
  const focusedName = () => e2e.page.evaluate(() => { const el = (globalThis as unknown as { document: { activeElement: { textContent: string | null; getAttribute(n: string): string | null } | null } }).document.activeElement; return el?.getAttribute('aria-label') ?? el?.textContent ?? ''; });
  const nav = (name: string) => e2e.page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name });

  async function openApprovals() {
    await openApprovalQueue(e2e.page, e2e.app.url);
    await e2e.page.getByRole('checkbox', { name: `Select registration ${day.plain}` }).waitFor();
  }
  async function toArabic() {
    await e2e.page.getByTestId('language-select').selectOption('ara');
    await e2e.page.locator('html[dir="rtl"]').waitFor();
  }

  it('selects with the keyboard, opens the bulk decision, cancels with Escape and returns focus', async () => {
    const { page } = e2e;
    await openApprovals();
    const selectAll = page.getByRole('checkbox', { name: 'Select all shown registrations' });
    await selectAll.focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: '4 selected' }).waitFor();
    const bulkApprove = page.getByRole('button', { name: 'Approve 4' });
    await bulkApprove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Approve 4 registrations' });
    await dialog.waitFor();
    assert.equal(await dialog.getByLabel('Your password (to confirm)').evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true, 'focus starts in the password field');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.screenshot({ path: join(SCREENS, 'approval-dialog.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focusedName(), 'Approve 4');
  });

  it("opens a packet's summary from the keyboard with its quality flags, decides from it, and closes with Escape", async () => {
    const { page } = e2e;
    const rid = day.flagged;
    await openApprovals();
    const toggle = page.getByRole('button', { name: `Summary of registration ${rid}` });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: `Registration ${rid}` });
    await panel.getByRole('heading', { name: 'Biometrics' }).waitFor();
    assert.equal(await focusedName(), `Registration ${rid}`, 'focus moves to the summary heading');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    // what a supervisor must see at a glance: the right slap's 4 fingers below the default threshold 40,
    // its best attempt (33, the 2nd of 3) kept, the missing finger and its photo
    await panel.getByText('4 captures are below their quality threshold').waitFor();
    await panel.getByText('Kept after the last attempt (force-captured): Right hand (4 fingers)').waitFor();
    await panel.getByText('1 finger or eye marked missing').waitFor();
    assert.equal(await panel.getByText('Below threshold', { exact: true }).count(), 4);
    assert.equal(await panel.getByText('Missing (exception)').count(), 1);
    await panel.getByText('Attempt 2 of 3 kept').waitFor();
    await panel.getByRole('img', { name: 'Photo of Maria Quaresma Neves' }).waitFor();
    await panel.getByRole('img', { name: 'Exception photo' }).waitFor();
    await panel.getByText('Mary Quaresma Neves').first().waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.screenshot({ path: join(SCREENS, 'approval-summary.png'), fullPage: true });

    const hold = panel.getByRole('button', { name: `Hold registration ${rid}` });
    await hold.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Put 1 registration on hold' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focusedName(), `Hold registration ${rid}`, 'focus returns into the summary');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.equal(await focusedName(), `Summary of registration ${rid}`, 'Escape closes the summary and focus returns to its toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  });

  it("shows each resident's name and face in the queue, and finds a packet by name or RID", async () => {
    const { page } = e2e;
    await openApprovals();
    const row = (rid: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: rid }) });
    await row(day.flagged).getByRole('img', { name: 'Photo of Mary Quaresma Neves' }).waitFor();
    assert.equal(await page.getByTestId(`resident-${day.flagged}`).textContent(), 'Mary Quaresma Neves');
    assert.equal(await page.getByTestId(`resident-${day.plain}`).textContent(), 'Joao Trovoada');
    assert.equal(await row(day.fromCli).getByRole('img', { name: 'No photo' }).count(), 1, 'a CLI packet has no summary');
    const search = page.getByRole('searchbox', { name: 'Search by name or RID' });
    const rids = () => page.getByRole('rowheader').allTextContents();
    await search.fill('joão');
    await page.getByRole('rowheader', { name: day.flagged }).waitFor({ state: 'detached' });
    assert.deepEqual(await rids(), [day.plain], 'the Portuguese name, typed with its accent');
    await search.fill(day.flagged.slice(5, 15));
    await page.getByRole('rowheader', { name: day.flagged }).waitFor();
    assert.deepEqual(await rids(), [day.flagged]);
    await search.fill('');
    await page.getByRole('rowheader', { name: day.fromCli }).waitFor();
    assert.equal((await rids()).length, 4);
  });

  it('says when a packet has no summary, and opens one summary at a time', async () => {
    const { page } = e2e;
    await openApprovals();
    await page.getByRole('button', { name: `Summary of registration ${day.fromCli}` }).click();
    const missing = page.getByRole('region', { name: `Registration ${day.fromCli}` });
    await missing.getByRole('alert').filter({ hasText: `No summary is kept on this computer for registration ${day.fromCli}` }).waitFor();
    await page.getByRole('button', { name: `Summary of registration ${day.plain}` }).click();
    await page.getByRole('region', { name: `Registration ${day.plain}` }).getByRole('heading', { name: 'Documents' }).waitFor();
    assert.equal(await missing.count(), 0);
    assert.equal(await page.getByRole('region', { name: /^Registration / }).count(), 1);
  });

  it('shows the summary right to left in Arabic, with no serious axe violation', async () => {
    const { page } = e2e;
    await openApprovals();
    await toArabic();
    await page.getByRole('button', { name: `ملخص التسجيل ${day.flagged}` }).click();
    const panel = page.getByRole('region', { name: `التسجيل ${day.flagged}` });
    await panel.getByText('التقاطات دون الحد الأدنى للجودة: 4').waitFor();
    assert.equal(await panel.getByText('دون الحد الأدنى', { exact: true }).count(), 4);
    // Portuguese and English values keep their own language and direction inside the Arabic page
    assert.equal(await panel.locator('[lang="pt-ST"]').first().getAttribute('dir'), 'ltr');
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('shows the sync screen with the parked packet, the near limit and no serious axe violation', async () => {
    const { page } = e2e;
    await openApprovals();
    await nav('Sync').click();
    await page.getByRole('heading', { name: 'Stopped: needs a person (1)' }).waitFor();
    await page.getByRole('button', { name: `Send again: registration ${day.parked}` }).waitFor();
    await page.locator('[data-error-code="ERR_SYNC_PACKET_FILE_MISSING"]').first().waitFor();
    await page.getByText(`4 of at most ${PENDING_LIMIT}`).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.screenshot({ path: join(SCREENS, 'sync.png'), fullPage: true });
  });

  it('shows the dashboard cards and links to the approval queue, also right to left in Arabic', async () => {
    const { page, app } = e2e;
    await page.goto(app.url);
    await logIn(page, 'supervisor1', 'Supervisor#2026');
    await toArabic();
    await page.getByRole('heading', { name: 'تسجيلات اليوم' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.screenshot({ path: join(SCREENS, 'home-cards-ara.png') });
    await page.getByRole('button', { name: /الموافقة على التسجيلات/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'الموافقة على التسجيلات' }).waitFor();
  });

  it('rejects one packet with a reason and the password, and shows the result', async () => {
    const { page, app } = e2e;
    await openApprovals();
    await page.getByRole('button', { name: `Reject registration ${day.plain}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject 1 registration' });
    const confirm = dialog.getByRole('button', { name: 'Reject' });
    await dialog.getByLabel('Your password (to confirm)').fill('wrong');
    assert.equal(await confirm.isDisabled(), true, 'a rejection needs a reason');
    await dialog.getByLabel('Reason').selectOption('DMD');
    await confirm.click();
    await dialog.getByRole('alert').filter({ hasText: /password/i }).waitFor();
    await dialog.getByLabel('Your password (to confirm)').fill('Supervisor#2026');
    await dialog.getByLabel('Your password (to confirm)').press('Enter');
    await page.getByRole('status').filter({ hasText: '1 registration rejected.' }).waitFor();
    await page.getByText(new RegExp(`^${day.plain} · .* · Documentos ilegíveis$`)).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: `Select registration ${day.plain}` }).count(), 0);
    assert.equal(await focusedName(), 'Approve registrations', 'focus goes to the heading when the opener row is gone');
    const stored = (await app.backEnd.api['packets.list']({})).items.find((p) => p.rid === day.plain);
    assert.deepEqual([stored?.supervisorStatus, stored?.reasonCode, stored?.decidedBy], ['REJECTED', 'DMD', 'supervisor1'], 'the back end recorded the decision');
    await page.screenshot({ path: join(SCREENS, 'approval-queue.png') });
  });
});
