import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startApp, type RunningApp } from './startApp';

/** What a describe block's tests read; set by its hooks, so read it inside tests (or closures they call) only. */
export interface StartedAppHandle {
  readonly browser: Browser;
  readonly app: RunningApp;
  readonly context: BrowserContext;
  readonly page: Page;
  /** the page and app as they are, for itSavingArtifacts (never throws) */
  current(): { page: Page | undefined; app: RunningApp | undefined };
}

export interface StartedAppOptions {
  /**
   * `test`: a fresh app (a new data dir: first run, demo seed, first sync) for every test, for tests
   * that need one or leave state behind; `file`: one app for the describe block, each test still on
   * a fresh browser context (its own localStorage and session). Say in the test file why sharing is safe.
   */
  readonly appPer: 'test' | 'file';
  /** also start the demo's MOSIP server and SBI device simulators (startApp's `simulators`) */
  readonly simulators?: boolean;
  /** each page step's timeout; Playwright's own default when left out */
  readonly timeoutMs?: number;
  /** opens the app's URL before each test, and waits for `waitFor` (a selector) when given */
  readonly openPage?: Readonly<{ waitFor?: string }>;
}

/**
 * Registers the hooks the `npm start` e2e files wrote for themselves: one Debian Chromium per file,
 * the app started by `startApp` per test or per file, and a fresh 1366×768 context and page per
 * test. The context bypasses CSP only so the axe-core checker can be injected; the app's own CSP is
 * tested in contentSecurityPolicy.test.ts. Call it inside `describe`.
 */
export function useStartedApp(options: StartedAppOptions): StartedAppHandle {
  let browser: Browser | undefined;
  let app: RunningApp | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const set = <T>(what: string, v: T | undefined): T => {
    if (v === undefined) throw new Error(`useStartedApp: ${what} is read before its hook ran`);
    return v;
  };
  const handle: StartedAppHandle = {
    get browser() { return set('the browser', browser); },
    get app() { return set('the app', app); },
    get context() { return set('the context', context); },
    get page() { return set('the page', page); },
    current: () => ({ page, app }),
  };
  const perFile = options.appPer === 'file';
  before(async () => {
    [browser, app] = await Promise.all([launchChromium(), perFile ? startApp([], { simulators: options.simulators }) : Promise.resolve(undefined)]);
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    if (!perFile) app = await startApp([], { simulators: options.simulators });
    context = await handle.browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    if (options.timeoutMs !== undefined) context.setDefaultTimeout(options.timeoutMs);
    page = await context.newPage();
    if (options.openPage) {
      await page.goto(handle.app.url);
      if (options.openPage.waitFor !== undefined) await page.locator(options.openPage.waitFor).waitFor();
    }
  });
  afterEach(async () => {
    await context?.close();
    if (!perFile) {
      await app?.stop();
      app = undefined;
    }
  });
  return handle;
}
