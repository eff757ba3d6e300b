/**
 * The one CSP for the UI, in Electron and in the browser host: no inline script or style, no
 * remote origins, no eval; the WebSocket bridge is the only connection the page may open.
 * Document scanning needs nothing more: its `<video>` plays the camera's MediaStream through
 * `srcObject`, which no CSP directive governs (nothing is fetched, so no media-src), and page
 * thumbnails are data: images (img-src). Checked in Chromium by test/e2e/documentScan.test.ts.
 */
export function contentSecurityPolicy(webSocketOrigin?: string): string {
  return [...pageDirectives(webSocketOrigin), "frame-ancestors 'none'"].join('; ');
}

/**
 * The same policy as renderer/index.html carries it in a `<meta>`: a second line of defence for a
 * response whose headers a host forgot (Electron does not run `onHeadersReceived` for custom
 * protocols). A meta policy may not hold frame-ancestors, and in CSP 3 `connect-src 'self'`
 * already covers the browser host's same-origin WebSocket.
 */
export function metaContentSecurityPolicy(): string {
  return pageDirectives().join('; ');
}

function pageDirectives(webSocketOrigin?: string): string[] {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${webSocketOrigin ? ` ${webSocketOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
  ];
}

/** Headers on every response of the UI's origin, in both hosts. */
export function securityHeaders(webSocketOrigin?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(webSocketOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
