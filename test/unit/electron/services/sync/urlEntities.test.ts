import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../../../schemas/errors';
import { sameServerPath } from '../../../../../electron/services/sync/urlEntities';

function refusal(server: string, url: string): string {
  try {
    sameServerPath(server, url, 'Template');
  } catch (err) {
    assert.ok(isAppError(err));
    return `${err.code} ${JSON.stringify(err.details)}`;
  }
  return 'accepted';
}

describe('sameServerPath', () => {
  it('maps a URL on the configured server to its path and query', () => {
    assert.deepEqual(sameServerPath('https://mosip.st/', 'https://mosip.st/v1/syncdata/clientsettings/Template?x=1', 'Template'), { path: '/v1/syncdata/clientsettings/Template', query: { x: '1' } });
    assert.deepEqual(sameServerPath('https://mosip.st/api', 'https://mosip.st/api/v1/syncdata/scripts/a.mvel', 'a.mvel').path, '/v1/syncdata/scripts/a.mvel');
  });

  it('puts the server host in place of ${mosip.hostname}, as ServiceDelegateUtil.prepareURLByHostName does', () => {
    assert.equal(sameServerPath('https://mosip.st:8443', 'https://${mosip.hostname}/v1/syncdata/scripts/a.mvel', 'a').path, '/v1/syncdata/scripts/a.mvel');
  });

  it('refuses another host, port, scheme, user-info trick or a path outside the base path, naming the entity', () => {
    assert.equal(refusal('https://mosip.st', 'https://evil.example/v1/x'), 'ERR_SYNC_ENTITY_URL_FOREIGN_HOST {"entity":"Template","host":"evil.example/v1/x","serverHost":"mosip.st"}');
    assert.match(refusal('https://mosip.st', 'https://mosip.st:444/v1/x'), /^ERR_SYNC_ENTITY_URL_FOREIGN_HOST/);
    assert.match(refusal('https://mosip.st', 'http://mosip.st/v1/x'), /^ERR_SYNC_ENTITY_URL_FOREIGN_HOST/);
    assert.match(refusal('https://mosip.st', 'https://mosip.st@evil.example/v1/x'), /^ERR_SYNC_ENTITY_URL_FOREIGN_HOST/);
    assert.match(refusal('https://mosip.st/api', 'https://mosip.st/apix/v1/x'), /^ERR_SYNC_ENTITY_URL_FOREIGN_HOST/);
    assert.match(refusal('https://mosip.st', 'not a url'), /^ERR_SYNC_BAD_RESPONSE/);
  });
});
