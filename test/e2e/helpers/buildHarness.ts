import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { makeTempDir } from '../../helpers/tempDir';

/** A made-up origin the test routes to the bundle; nothing listens on it. */
export const HARNESS_URL = 'http://harness.invalid/';

/** Bundles the registration harness once (esbuild, ~1 s) and returns its JS and CSS. */
export async function buildHarness(): Promise<{ js: string; css: string }> {
  const temp = makeTempDir('regclient-harness-');
  try {
    await build({
      entryPoints: { harness: join(import.meta.dirname, '..', 'browser', 'registrationHarness.tsx') }, outdir: temp.path, bundle: true, platform: 'browser', format: 'esm',
      target: ['chrome120'], jsx: 'automatic', loader: { '.json': 'json' }, logLevel: 'warning', define: { 'process.env.NODE_ENV': '"development"' },
    });
    return { js: readFileSync(join(temp.path, 'harness.js'), 'utf8'), css: readFileSync(join(temp.path, 'harness.css'), 'utf8') };
  } finally {
    temp.remove();
  }
}

/** Serves the harness on HARNESS_URL for this page, under the app's own CSP (so a CSP problem shows here too). */
export async function routeHarness(page: Page, bundle: { js: string; css: string }): Promise<void> {
  const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'";
  await page.route(`${HARNESS_URL}**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/harness.js') return route.fulfill({ contentType: 'text/javascript', body: bundle.js });
    if (path === '/harness.css') return route.fulfill({ contentType: 'text/css', body: bundle.css });
    return route.fulfill({
      contentType: 'text/html', headers: { 'content-security-policy': csp },
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Registration harness</title><link rel="stylesheet" href="/harness.css"><script type="module" src="/harness.js"></script></head><body><div id="root"></div></body></html>',
    });
  });
}
