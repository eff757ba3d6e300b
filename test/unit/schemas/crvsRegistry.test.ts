import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CrvsRegistrySettings } from '../../../schemas/crvsRegistry';

/** The registry's addresses carry its client secret and tokens: the MOSIP server's https rule applies. */
describe('CrvsRegistrySettings', () => {
  const ok = { searchUrl: 'https://gateway.opencrvs.example/api/events', tokenUrl: 'https://auth.opencrvs.example/token', clientId: 'regclient' };

  it('takes https anywhere, and plain http only on this machine (the simulator, a local proxy)', () => {
    assert.ok(CrvsRegistrySettings.safeParse(ok).success);
    assert.ok(CrvsRegistrySettings.safeParse({ ...ok, searchUrl: 'http://127.0.0.1:7070/api/events', tokenUrl: 'http://localhost:4040/token' }).success);
  });

  it('refuses plain http to another host, naming the field', () => {
    for (const field of ['searchUrl', 'tokenUrl'] as const) {
      const result = CrvsRegistrySettings.safeParse({ ...ok, [field]: 'http://registry.dgrn.example/api' });
      assert.equal(result.success, false, field);
      assert.deepEqual(result.error?.issues.map((i) => [i.path.join('.'), i.code]), [[field, 'custom']]);
    }
  });
});
