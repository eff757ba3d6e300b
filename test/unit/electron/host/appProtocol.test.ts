import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serveAppRequest } from '../../../../electron/host/appProtocol';
import { metaContentSecurityPolicy } from '../../../../electron/host/contentSecurityPolicy';
import { makeTempDir } from '../../../helpers/tempDir';

const INDEX_HTML = fileURLToPath(new URL('../../../../renderer/index.html', import.meta.url));

/** What Electron's net.fetch does for a file: URL in the app: the file, or a network error. */
const readFileUrl = async (fileUrl: string): Promise<Response> => new Response(await readFile(fileURLToPath(fileUrl)), { status: 200, headers: { 'Content-Type': 'text/html' } });

describe('app:// protocol answers (the Electron host)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  before(() => {
    dir = makeTempDir();
    writeFileSync(join(dir.path, 'index.html'), '<!doctype html><title>t</title>');
  });
  after(() => dir.remove());

  const csp = (response: Response) => response.headers.get('content-security-policy') ?? '';

  it('serves a file with the CSP header, since Electron runs no onHeadersReceived for custom protocols', async () => {
    const response = await serveAppRequest('app://regclient/index.html', dir.path, readFileUrl);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<!doctype html><title>t</title>');
    assert.equal(response.headers.get('content-type'), 'text/html', 'the file\'s own headers are kept');
    for (const directive of ["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"]) assert.ok(csp(response).includes(directive), `${directive} in ${csp(response)}`);
    assert.ok(!csp(response).includes('unsafe'), csp(response));
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('puts the same header on its refusals: a missing file, a path climbing out of the folder, a malformed escape', async () => {
    const missing = await serveAppRequest('app://regclient/assets/none.js', dir.path, readFileUrl);
    assert.equal(missing.status, 404);
    // the climb is normalised inside the folder: it asks for <root>/etc/passwd, which is not there
    const outside = await serveAppRequest('app://regclient/..%2F..%2Fetc%2Fpasswd', dir.path, readFileUrl);
    assert.equal(outside.status, 404);
    assert.ok(!(await outside.text()).includes('root:'));
    const malformed = await serveAppRequest('app://regclient/%E0%A4%A', dir.path, readFileUrl);
    assert.equal(malformed.status, 400);
    for (const response of [missing, outside, malformed]) assert.ok(csp(response).includes("default-src 'none'"));
  });

  it('renderer/index.html carries the same policy in a <meta>, before any script or style it loads', () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    assert.ok(meta, 'no CSP meta in renderer/index.html');
    assert.equal(meta[1], metaContentSecurityPolicy());
    assert.ok(html.indexOf(meta[0]) < html.indexOf('<script') && html.indexOf(meta[0]) < html.indexOf('<link'), 'a meta policy only covers what comes after it');
  });
});
