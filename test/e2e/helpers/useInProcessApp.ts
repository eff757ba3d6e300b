import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newAppPage, startInProcessApp, type InProcessApp } from './inProcessApp';
import { launchChromium } from './startApp';

/** What a describe block's tests read; set by its hooks, so read it inside tests (or closures they call) only. */
export interface InProcessAppHandle {
  readonly browser: Browser;
  readonly app: InProcessApp;
  readonly context: BrowserContext;
  readonly page: Page;
  /** the page as it is, for itSavingArtifacts (never throws) */
  current(): { page: Page | undefined; app: undefined };
}

export interface InProcessAppOptions {
  /** also a MOSIP server simulator the machine is registered with and down-synced from (startInProcessApp's `server`) */
  readonly server?: boolean;
  /** each page step's timeout */
  readonly timeoutMs: number;
  /** the page's uncaught errors, emptied before each test, for the test to assert none */
  readonly errors?: string[];
  /** the browser's own language (newAppPage's `locale`) */
  readonly locale?: string;
  /** the page keeps the browser's clock instead of the back end's (newAppPage's `ownClock`) */
  readonly ownClock?: boolean;
  /** opens the app's URL on each new page */
  readonly openPage?: boolean;
  /** `test` (the default): a fresh page per test; `file`: one page the block's tests walk on in turn, each starting where the last left it */
  readonly pagePer?: 'test' | 'file';
}

/**
 * Registers the hooks the in-process e2e files wrote for themselves: Debian Chromium and the app in
 * this process (startInProcessApp) once per describe block, a page on the back end's clock
 * (newAppPage) per test or, for tests that go on from each other, per block. The app is shared by the block's tests, so a file that has more than one
 * says why its tests may share it. Call it inside `describe`; a `before` the caller registers after
 * it runs once the app is up, before the first page.
 */
export function useInProcessApp(options: InProcessAppOptions): InProcessAppHandle {
  let browser: Browser | undefined;
  let app: InProcessApp | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const set = <T>(what: string, v: T | undefined): T => {
    if (v === undefined) throw new Error(`useInProcessApp: ${what} is read before its hook ran`);
    return v;
  };
  const handle: InProcessAppHandle = {
    get browser() { return set('the browser', browser); },
    get app() { return set('the app', app); },
    get context() { return set('the context', context); },
    get page() { return set('the page', page); },
    current: () => ({ page, app: undefined }),
  };
  const openPage = async () => {
    ({ context, page } = await newAppPage(handle.browser, handle.app, { timeoutMs: options.timeoutMs, errors: options.errors, locale: options.locale, ownClock: options.ownClock }));
    if (options.openPage) await page.goto(handle.app.url);
  };
  const pagePerFile = options.pagePer === 'file';
  before(async () => {
    [browser, app] = await Promise.all([launchChromium(), startInProcessApp({ server: options.server })]);
    if (pagePerFile) await openPage();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    if (options.errors) options.errors.length = 0;
    if (!pagePerFile) await openPage();
  });
  afterEach(async () => {
    if (!pagePerFile) await context?.close();
  });
  return handle;
}
