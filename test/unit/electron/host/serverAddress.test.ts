import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../../schemas/errors';
import { chooseServerUrl, startRefusalText, startServerUrl } from '../../../../electron/host/serverAddress';

function refusal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    assert.ok(isAppError(err) && err.code === 'ERR_SYNC_SERVER_URL_INSECURE', String(err));
    return err.details;
  }
  assert.fail('expected ERR_SYNC_SERVER_URL_INSECURE');
}

describe('the server address at start (--server, REGCLIENT_SERVER_URL)', () => {
  it('names the flag when the flag breaks the rule, even with a good variable set', () => {
    assert.deepEqual(refusal(() => startServerUrl('http://example.org', { REGCLIENT_SERVER_URL: 'https://ok.example' })), { field: '--server', url: 'http://example.org', rule: 'plain-http-to-remote-host' });
  });

  it('names the variable when only the variable is set, with each rule', () => {
    assert.deepEqual(refusal(() => startServerUrl(undefined, { REGCLIENT_SERVER_URL: 'http://10.1.2.3:8080' })), { field: 'REGCLIENT_SERVER_URL', url: 'http://10.1.2.3:8080', rule: 'plain-http-to-remote-host' });
    assert.deepEqual(refusal(() => startServerUrl(undefined, { REGCLIENT_SERVER_URL: 'ftp://mosip.example' })), { field: 'REGCLIENT_SERVER_URL', url: 'ftp://mosip.example', rule: 'not-http' });
    assert.deepEqual(refusal(() => startServerUrl('mosip', {})), { field: '--server', url: 'mosip', rule: 'not-a-url' });
  });

  it('accepts https anywhere and http on loopback; the flag wins; an empty variable is unset', () => {
    assert.equal(startServerUrl('https://mosip.example.st', { REGCLIENT_SERVER_URL: 'http://bad.example' }), 'https://mosip.example.st');
    assert.equal(startServerUrl(undefined, { REGCLIENT_SERVER_URL: 'http://127.0.0.1:8080' }), 'http://127.0.0.1:8080');
    assert.equal(startServerUrl('http://localhost:1', {}), 'http://localhost:1');
    assert.equal(startServerUrl(undefined, { REGCLIENT_SERVER_URL: '' }), undefined);
    assert.equal(startServerUrl(undefined, {}), undefined);
  });

  it('the refusal text names the code, the rule in words and the details', () => {
    try {
      startServerUrl('http://example.org', {});
      assert.fail('expected a refusal');
    } catch (err) {
      assert.ok(isAppError(err));
      assert.equal(startRefusalText(err), 'regclient cannot start: ERR_SYNC_SERVER_URL_INSECURE: refused server address: it must be https (http only to 127.0.0.0/8, ::1 or localhost)\n{"field":"--server","url":"http://example.org","rule":"plain-http-to-remote-host"}');
    }
  });
});

describe('the address sync uses (given at start, else stored in the settings)', () => {
  it('a stored insecure address is kept out of use with a refusal naming the setting', () => {
    const choice = chooseServerUrl(undefined, 'http://mosip.example.st');
    assert.equal(choice.serverUrl, undefined);
    assert.ok(choice.refusal);
    assert.deepEqual(choice.refusal.details, { field: 'serverUrl', url: 'http://mosip.example.st', rule: 'plain-http-to-remote-host' });
  });

  it('a good stored address is used; a given one wins; none is none', () => {
    assert.deepEqual(chooseServerUrl(undefined, 'https://mosip.example.st'), { serverUrl: 'https://mosip.example.st' });
    assert.deepEqual(chooseServerUrl('http://127.0.0.1:9', 'http://mosip.example.st'), { serverUrl: 'http://127.0.0.1:9' });
    assert.deepEqual(chooseServerUrl(undefined, null), {});
  });

  it('a given insecure address refuses (field --server)', () => {
    assert.deepEqual(refusal(() => chooseServerUrl('http://example.org', null)), { field: '--server', url: 'http://example.org', rule: 'plain-http-to-remote-host' });
  });
});
