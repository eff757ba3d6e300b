import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startBrowserHost, type RunningBrowserHost } from '../../../electron/host/BrowserHost';
import { openTestServices } from '../../helpers/openTestDataDir';
import { makeTempDir } from '../../helpers/tempDir';
import { callOver, openSocket } from '../../helpers/hostSocket';

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('BrowserHost', () => {
  let host: RunningBrowserHost;
  let close: () => Promise<void>;
  let staticDir: ReturnType<typeof makeTempDir>;
  const origin = () => `http://127.0.0.1:${host.port}`;
  const wsUrl = (token = host.token) => `ws://127.0.0.1:${host.port}/ws?token=${token}`;

  beforeEach(async () => {
    const opened = await openTestServices();
    close = opened.close;
    staticDir = makeTempDir();
    writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>t</title>');
    host = await startBrowserHost({ services: opened.services, staticDir: staticDir.path, port: 0 });
  });
  afterEach(async () => {
    await host.close();
    await close();
    staticDir.remove();
  });

  it('prints a loopback URL carrying a random token', () => {
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('does not listen on other interfaces', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no non-loopback interface on this machine: nothing else to listen on
    await assert.rejects(
      new Promise((resolvePromise, reject) => {
        const req = request({ host: external.address, port: host.port, path: '/', timeout: 2000 }, resolvePromise);
        req.on('error', reject);
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.end();
      }),
    );
  });

  it('serves the page only with the token, with a strict CSP', async () => {
    assert.equal((await get(host.port, '/')).status, 403);
    assert.equal((await get(host.port, '/?token=wrong')).status, 403);
    const ok = await get(host.port, `/?token=${host.token}`);
    assert.equal(ok.status, 200);
    assert.match(String(ok.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    assert.equal(ok.headers['referrer-policy'], 'no-referrer');
  });

  it('refuses a foreign Host header (DNS rebinding) and path traversal', async () => {
    assert.equal((await get(host.port, `/?token=${host.token}`, { Host: 'evil.example:80' })).status, 421);
    assert.equal((await get(host.port, '/../../../../etc/passwd')).status, 404);
    assert.equal((await get(host.port, '/%2e%2e/%2e%2e/etc/passwd')).status, 404);
  });

  it('refuses sockets without the token or from another origin', async () => {
    await assert.rejects(openSocket(wsUrl('wrong'), origin()), /HTTP 403/);
    await assert.rejects(openSocket(wsUrl(), 'http://evil.example'), /HTTP 403/);
  });

  it('dispatches typed calls over the socket, each connection its own session', async () => {
    const a = await openSocket(wsUrl(), origin());
    const b = await openSocket(wsUrl(), origin());
    try {
      const info = await callOver(a, 1, 'app.info', {});
      assert.equal(info.ok, true);
      assert.equal((info.value as { keyProtection: string }).keyProtection, 'keyfile', 'the test data dir wraps its keys with keys/master.key');
      assert.equal((await callOver(a, 2, 'auth.login', { userId: 'supervisor1', password: 'Supervisor#2026' })).ok, true);
      assert.equal((await callOver(a, 3, 'audit.verify', {})).ok, true);
      assert.equal((await callOver(b, 1, 'audit.verify', {})).error?.code, 'ERR_AUTH_NOT_AUTHENTICATED');
      assert.equal((await callOver(b, 2, 'auth.login', { userId: 'supervisor1' })).error?.code, 'ERR_IPC_INVALID_INPUT');
    } finally {
      a.close();
      b.close();
    }
  });
});
