import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDataDir } from '../../electron/host/openDataDir';
import { listOutbox } from '../../electron/services/db/repos/outbox';
import { copyScaleDataDir, SCALE_ENV } from '../helpers/scaleDataDir';
import { logIn } from './helpers/logIn';
import { itSavingArtifacts, launchChromium } from './helpers/startApp';

const ROOT = join(import.meta.dirname, '..', '..');
const PACKETS = 10_000;

/** `npm start --browser` over a data dir that already exists (no demo seeding, no simulators); resolves with its URL. */
function startOver(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/build/start.ts'), '--browser', '--no-build', '--port', '0', '--data-dir', dataDir, '--without-simulators'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...SCALE_ENV, REGCLIENT_LOG: 'silent' },
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output);
      if (match) resolvePromise({ url: match[1]!, child });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`app exited with ${code}:\n${output}`)));
  });
}

/** one packet in ENGINE_EVERY is built by the engine; the others are rows (see seedPackets): CI seeds in a minute, not 14 */
const ENGINE_EVERY = 50;

/**
 * The approval queue and the sync screen over a month at a busy site: a data dir of 10,000 packets
 * (test/helpers/scaleDataDir.ts: 200 engine-built packets and 9,800 rows written through the same
 * repositories, approvals, uploads and retention through the services; cached in the temp folder,
 * so a later run copies it in about a second). Role and label selectors only.
 */
describe(`approval and sync at ${PACKETS.toLocaleString('en')} packets (browser host, Debian Chromium)`, () => {
  let browser: Browser;
  let app: { url: string; child: ChildProcess };
  let dir: Awaited<ReturnType<typeof copyScaleDataDir>>;
  let pending: { rid: string };
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    dir = await copyScaleDataDir(PACKETS, (line) => console.log(line), ENGINE_EVERY);
    const data = openDataDir({ dataDir: dir.path, env: SCALE_ENV });
    try {
      pending = listOutbox(data.db, { state: 'PENDING' }).at(-1)!;
    } finally {
      data.close();
    }
    [browser, app] = await Promise.all([launchChromium(), startOver(dir.path)]);
  });
  after(async () => {
    await browser?.close();
    if (app) {
      const exited = new Promise((r) => app.child.once('exit', r));
      app.child.kill('SIGTERM');
      await exited;
    }
    dir?.remove();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // the unpaged lists take seconds at this size (README, Scale): a hang guard, not a speed bound
    context.setDefaultTimeout(60_000);
    page = await context.newPage();
    await page.goto(app.url);
    await logIn(page, 'supervisor1', 'Supervisor#2026');
  });
  afterEach(() => context.close());

  const it = itSavingArtifacts(() => ({ page, app: undefined }), { prefix: 'scale' });
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name });

  it('finds one waiting registration by its RID among 10,000 and approves it', async () => {
    await nav('Approvals').click();
    await page.getByRole('heading', { level: 1, name: 'Approve registrations' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search by name or RID' }).fill(pending.rid.slice(-12));
    await page.getByRole('rowheader', { name: pending.rid }).waitFor();
    assert.deepEqual(await page.getByRole('rowheader').allTextContents(), [pending.rid]);
    await page.getByRole('button', { name: `Approve registration ${pending.rid}` }).click();
    const approve = page.getByRole('dialog', { name: 'Approve 1 registration' });
    await approve.getByLabel('Your password (to confirm)').fill('Supervisor#2026');
    await approve.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').filter({ hasText: '1 registration approved.' }).waitFor();
  });

  it('shows the sync screen with the packets on their way out and what retention will free', async () => {
    await nav('Sync').click();
    await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
    // the numbers move with the clock (files pass their retention day, the scheduler may run it): their form is checked
    const line = (await page.getByText(/^Retention frees /).textContent()) ?? '';
    assert.match(line, /^Retention frees .+ at its next run \(\d+ processed packet files older than 1 days\) and .+ later \(\d+ newer files\)\.$/);
    const sending = (await page.getByRole('heading', { level: 2, name: /^Sending \(\d+\)$/ }).textContent()) ?? '';
    assert.ok(Number(/\d+/.exec(sending)?.[0]) > 100, `the seed's approved packets of the last two days wait to be sent: ${sending}`);
  });
});
