import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTempDir } from '../../helpers/tempDir';
import { runStart } from './startProcess';

// `npm start` as a process: what it refuses before anything is opened or built.
describe('npm start refuses an insecure server address', () => {
  let temp: ReturnType<typeof makeTempDir>;
  before(() => {
    temp = makeTempDir();
  });
  after(() => temp.remove());

  it('--server http://example.org: exits 1 naming the flag, the address and the rule, and opens no data dir', async () => {
    const dataDir = join(temp.path, 'flag');
    const r = await runStart(['--data-dir', dataDir, '--server', 'http://example.org']);
    assert.equal(r.started, false, r.out);
    assert.equal(r.code, 1);
    assert.equal(r.err, 'regclient cannot start: ERR_SYNC_SERVER_URL_INSECURE: refused server address: it must be https (http only to 127.0.0.0/8, ::1 or localhost)\n{"field":"--server","url":"http://example.org","rule":"plain-http-to-remote-host"}\n');
    assert.equal(existsSync(dataDir), false, 'refused before the data dir was created');
  });

  it('REGCLIENT_SERVER_URL=http://10.1.2.3:8080: exits 1 naming the variable', async () => {
    const r = await runStart(['--data-dir', join(temp.path, 'env')], { REGCLIENT_SERVER_URL: 'http://10.1.2.3:8080' });
    assert.equal(r.started, false, r.out);
    assert.equal(r.code, 1);
    assert.match(r.err, /^regclient cannot start: ERR_SYNC_SERVER_URL_INSECURE: .*\n\{"field":"REGCLIENT_SERVER_URL","url":"http:\/\/10\.1\.2\.3:8080","rule":"plain-http-to-remote-host"\}\n$/);
  });

  it('goes past the check with http on loopback (the rule refuses only what it should)', async () => {
    const dataDir = join(temp.path, 'loopback');
    const r = await runStart(['--data-dir', dataDir, '--server', 'http://127.0.0.1:1']);
    // It starts, or (without a renderer build in dist/) stops later at the browser host: either
    // way it opened the data dir, which happens only after the address was accepted.
    assert.doesNotMatch(r.err, /ERR_SYNC_SERVER_URL_INSECURE/);
    assert.equal(existsSync(join(dataDir, 'keys')), true, r.err);
  });
});
