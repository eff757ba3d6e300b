import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it as nodeIt } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeTempDir } from '../../helpers/tempDir';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const ARTIFACTS = join(ROOT, 'test-results');

export interface RunningApp {
  readonly url: string;
  readonly dataDir: string;
  readonly output: () => string;
  /** the ports of this run's demo devices (simulators only), as the app printed them */
  readonly devicePorts: () => number[];
  stop(): Promise<void>;
}

/**
 * Starts the app exactly as `npm start` does (browser host, demo data) and waits for its URL line.
 * `simulators: true` also starts the demo's MOSIP server and SBI device simulators (first sync
 * included); the devices take ports the OS assigns (`--sbi-ports 0`) and the client scans exactly
 * those, so runs side by side on one machine never see each other's devices.
 */
export async function startApp(extraArgs: string[] = [], options: { simulators?: boolean } = {}): Promise<RunningApp> {
  const simulatorArgs = options.simulators ? ['--sbi-ports', '0'] : ['--without-simulators'];
  const temp = makeTempDir('regclient-e2e-');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'electron/build/start.ts'), '--demo', '--browser', '--no-build', '--port', '0', '--data-dir', temp.path, ...simulatorArgs, ...extraArgs],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REGCLIENT_LOG: 'silent', REGCLIENT_KEY_STORE: 'keyfile' } },
  );
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    // A hang guard, not a speed bound: with both simulators and the first sync, start-up took 40 s
    // on 2 cores shared at load 19, and the former 30 s failed a correct start.
    const timer = setTimeout(() => reject(new Error(`app did not print its URL:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m);
      if (match && (!options.simulators || output.includes('Demo server simulator:'))) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir: temp.path,
    output: () => output,
    devicePorts: () => {
      const listed = /demo devices on ports ([\d,]+)$/m.exec(output)?.[1];
      if (!listed) throw new Error(`the app did not print its demo device ports:\n${output}`);
      return listed.split(',').map(Number);
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      temp.remove();
    },
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs (plus `extraArgs`, e.g. CAMERA_ARGS). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/**
 * Chromium's built-in fake cameras (a moving test pattern), two of them so the camera chooser shows.
 * Permission is left to the test: `context.grantPermissions(['camera'])` accepts, no grant refuses
 * (headless Chromium denies a prompt; `--use-fake-ui-for-media-stream` would accept everything).
 */
export const CAMERA_ARGS = ['--use-fake-device-for-media-stream=device-count=2'] as const;

/** Saves a screenshot and the app log when a test fails (STYLE rule 54). */
export async function saveFailureArtifacts(page: Page | undefined, app: RunningApp | undefined, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const safe = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  if (page) await page.screenshot({ path: join(ARTIFACTS, `${safe}.png`), fullPage: true }).catch(() => undefined);
  if (app) writeFileSync(join(ARTIFACTS, `${safe}.log`), app.output());
}

/**
 * An `it` whose failure saves a screenshot and the app log first. `current` is read when a test
 * fails, so suites can recreate the page and app in beforeEach; `afterBody` runs extra checks
 * inside the same guard.
 */
export function itSavingArtifacts(
  current: () => { page: Page | undefined; app: RunningApp | undefined },
  options: { prefix?: string; afterBody?: () => void } = {},
): (name: string, body: () => Promise<void>) => void {
  return (name, body) => {
    nodeIt(name, async () => {
      try {
        await body();
        options.afterBody?.();
      } catch (err) {
        const { page, app } = current();
        await saveFailureArtifacts(page, app, options.prefix ? `${options.prefix} ${name}` : name);
        throw err;
      }
    });
  };
}
