import type { Browser } from 'playwright-core';
import type { BenchHost } from './benchHost';
import type { Figure } from './measure';

/**
 * In Chromium: the built page loaded from the host until the login form shows (added to the host
 * process's own start-up for the cold start), then a supervisor's login from Enter until Home's
 * heading shows. The stall is the host's over both.
 */
export async function browserFigures(browser: Browser, host: BenchHost): Promise<Figure[]> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    await host.stall();
    const t0 = performance.now();
    await page.goto(host.url);
    const user = page.locator('#login-user');
    await user.waitFor();
    const pageMs = performance.now() - t0;
    const startStall = await host.stall();
    await page.getByTestId('language-select').selectOption('eng');
    await user.fill('supervisor1');
    await page.fill('#login-password', 'Supervisor#2026');
    const t1 = performance.now();
    await page.press('#login-password', 'Enter');
    // the supervisor's saved language decides the heading's words: wait for the form to go and Home's heading
    await user.waitFor({ state: 'detached' });
    await page.locator('#home-heading').waitFor();
    const loginMs = performance.now() - t1;
    return [
      { what: 'cold start to the login screen (host process start + page until the form shows)', ms: host.startMs + pageMs, stallMs: startStall },
      { what: 'login in Chromium (Enter → Home\'s heading)', ms: loginMs, stallMs: await host.stall() },
    ];
  } finally {
    await context.close();
  }
}
