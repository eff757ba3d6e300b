/**
 * The one CSP for the UI, in Electron and in the browser host: no inline script or style, no
 * remote origins, no eval; the WebSocket bridge is the only connection the page may open.
 * Document scanning needs nothing more: its `<video>` plays the camera's MediaStream through
 * `srcObject`, which no CSP directive governs (nothing is fetched, so no media-src), and page
 * thumbnails are data: images (img-src). Checked in Chromium by test/e2e/documentScan.test.ts.
 */
export function contentSecurityPolicy(webSocketOrigin?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${webSocketOrigin ? ` ${webSocketOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
