import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopbackHost, serverUrlProblem } from '../../../schemas/serverUrl';

describe('server address rule: https, or http on loopback only', () => {
  it('accepts https anywhere and http on 127.0.0.0/8, ::1 and localhost (as the URL parser spells them)', () => {
    for (const url of ['https://mosip.example.st', 'https://10.0.0.5:8443/v1', 'http://127.0.0.1:8080', 'http://127.255.255.254/', 'http://127.1/', 'http://LOCALHOST:1', 'http://[::1]:8080', 'http://[0:0:0:0:0:0:0:1]/']) {
      assert.equal(serverUrlProblem(url), undefined, url);
    }
  });

  it('refuses plain http to any other host, other schemes, and what is not a URL, naming the rule', () => {
    const cases: readonly [string, string][] = [
      ['http://mosip.example.st', 'plain-http-to-remote-host'],
      ['http://128.0.0.1', 'plain-http-to-remote-host'],
      ['http://126.0.0.1', 'plain-http-to-remote-host'],
      ['http://127.0.0.1.nip.io', 'plain-http-to-remote-host'],
      ['http://localhost.example.st', 'plain-http-to-remote-host'],
      ['http://[::2]', 'plain-http-to-remote-host'],
      ['http://[::ffff:7f00:1]', 'plain-http-to-remote-host'],
      ['ftp://127.0.0.1', 'not-http'],
      ['ws://localhost', 'not-http'],
      ['mosip.example.st', 'not-a-url'],
      ['', 'not-a-url'],
    ];
    assert.deepEqual(cases.map(([url]) => [url, serverUrlProblem(url)]), cases);
  });

  it('recognises loopback host names only in their parsed form', () => {
    assert.deepEqual(['localhost', '[::1]', '127.0.0.1', '127.9.9.9', '127.0.0', '127.0.0.256', '::1', 'localhost.'].map(isLoopbackHost), [true, true, true, true, false, false, false, false]);
  });
});
