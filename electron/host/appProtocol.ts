import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from './contentSecurityPolicy';

/** Reads one file of the renderer's folder: Electron's `net.fetch` on a file: URL in the app. */
export type FetchFile = (fileUrl: string) => Promise<Response>;

/**
 * Answers one `app://regclient/...` request from `root` (dist/renderer), refusing any path outside
 * it. Every answer, files and refusals alike, carries the UI's security headers: Electron does not
 * run `webRequest.onHeadersReceived` for a custom protocol, so the handler is the only place a CSP
 * header can come from (issue 12).
 */
export async function serveAppRequest(requestUrl: string, root: string, fetchFile: FetchFile): Promise<Response> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return withHeaders(new Response('Bad request', { status: 400 }));
  }
  const path = normalize(decoded).replace(/^[/\\]+/, '');
  const file = join(root, path || 'index.html');
  if (!file.startsWith(root + sep)) return notFound();
  try {
    return withHeaders(await fetchFile(pathToFileURL(file).toString()));
  } catch {
    return notFound(); // net.fetch rejects for a missing file: a 404 the page can show, not a broken load
  }
}

function notFound(): Response {
  return withHeaders(new Response('Not found', { status: 404 }));
}

function withHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders())) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
