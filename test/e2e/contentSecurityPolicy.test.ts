import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { itSavingArtifacts, launchChromium, startApp, type RunningApp } from './helpers/startApp';

interface Violation { directive: string; policy: string; blocked?: string; sample?: string; source?: string }
interface ViolationEvent { effectiveDirective: string; originalPolicy: string; blockedURI: string; sample: string; sourceFile: string }
/** The page's globals this test touches (the e2e tests compile without the DOM library). */
interface Watched {
  __violations?: Violation[];
  __injectedRan?: boolean;
  document: {
    addEventListener(type: 'securitypolicyviolation', listener: (e: ViolationEvent) => void): void;
    createElement(tag: 'script'): { textContent: string | null };
    head: { append(node: unknown): void };
  };
}

/**
 * The UI's CSP as Chromium enforces it (issue 12, item 6): the browser host sends it as a header,
 * renderer/index.html carries it as a <meta>, and each alone blocks an injected script. The
 * meta-only case is what the Electron host would serve had its protocol handler lost its headers
 * (the handler's own headers are checked in test/unit/electron/host/appProtocol.test.ts).
 */
describe('content security policy in Chromium (browser host)', () => {
  let browser: Browser;
  let app: RunningApp;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    browser = await launchChromium();
    app = await startApp();
  });
  after(async () => {
    await app.stop();
    await browser.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // DevTools-protocol init scripts are outside the page's CSP: they only record what the policy reports
    await context.addInitScript(() => {
      const w = (globalThis as unknown as Watched);
      w.__violations = [];
      w.document.addEventListener('securitypolicyviolation', (e) => w.__violations!.push({ directive: e.effectiveDirective, policy: e.originalPolicy, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile }));
    });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  const it = itSavingArtifacts(() => ({ page, app }));

  /** Adds an inline script the way an injection would, and returns the violations it raised. */
  const injectInlineScript = async (): Promise<{ ran: boolean; violations: Violation[] }> => {
    await page.evaluate(() => {
      const { document } = globalThis as unknown as Watched;
      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true';
      document.head.append(script);
    });
    await page.waitForFunction(() => ((globalThis as unknown as Watched).__violations ?? []).some((v) => v.directive === 'script-src-elem'));
    return page.evaluate(() => ({ ran: (globalThis as unknown as Watched).__injectedRan === true, violations: (globalThis as unknown as Watched).__violations ?? [] }));
  };

  it('applies both the header and the meta policy, and the app still talks to its host under them', async () => {
    const response = await page.goto(app.url);
    assert.ok(response?.headers()['content-security-policy']?.includes("frame-ancestors 'none'"));
    // a wrong password is answered over the WebSocket: connect-src allows the host's own socket
    await page.fill('#login-user', 'officer1');
    await page.fill('#login-password', 'not-the-password');
    await page.press('#login-password', 'Enter');
    await page.locator('[role="alert"]').first().waitFor();
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as Watched).__violations), [], 'the app itself breaks no rule of its policy');
    const { ran, violations } = await injectInlineScript();
    assert.equal(ran, false);
    const policies = violations.filter((v) => v.directive === 'script-src-elem').map((v) => v.policy);
    assert.ok(policies.some((p) => p.includes('frame-ancestors')), `the header policy reported it: ${JSON.stringify(policies)}`);
    assert.ok(policies.some((p) => !p.includes('frame-ancestors')), `the meta policy reported it: ${JSON.stringify(policies)}`);
  });

  it('blocks an injected script by the meta alone when a host sends no CSP header', async () => {
    await page.route('**/*', async (route) => {
      const original = await route.fetch();
      const headers = Object.fromEntries(Object.entries(original.headers()).filter(([name]) => name !== 'content-security-policy'));
      await route.fulfill({ response: original, headers });
    });
    const response = await page.goto(app.url);
    assert.equal((await response?.allHeaders())?.['content-security-policy'], undefined);
    await page.locator('#login-user').waitFor();
    const { ran, violations } = await injectInlineScript();
    assert.equal(ran, false);
    assert.ok(violations.length > 0 && violations.every((v) => !v.policy.includes('frame-ancestors')), JSON.stringify(violations));
  });
});
