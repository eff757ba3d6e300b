import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXTERNAL_LINK_ORIGINS, isExternalLinkAllowed } from '../../../../electron/host/externalLinks';

describe('links the desktop app hands to the system browser', () => {
  const help = ['https://help.regclient.example'];

  it('opens only an https link of a listed origin', () => {
    assert.equal(isExternalLinkAllowed('https://help.regclient.example/pt/login', help), true);
  });

  it('drops every other link, however close to a listed one', () => {
    for (const url of [
      'https://evil.example/',
      'https://help.regclient.example.evil.example/',
      'http://help.regclient.example/',
      'https://user:pw@help.regclient.example/',
      'file:///etc/passwd',
      'ms-settings:privacy',
      'not a url',
    ]) assert.equal(isExternalLinkAllowed(url, help), false, url);
  });

  it('lists no origin today, since the UI links nowhere: any https page is dropped', () => {
    assert.deepEqual(EXTERNAL_LINK_ORIGINS, []);
    assert.equal(isExternalLinkAllowed('https://docs.mosip.io/'), false);
  });
});
