/**
 * The one CSP for the UI, in Electron and in the browser host: no inline script or style, no
 * remote origins, no eval; the WebSocket bridge is the only connection the page may open.
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
