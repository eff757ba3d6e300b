import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePortRange, resolveSbiClientOptions } from '../../../../native/sbi/SbiClientOptions';
import { TrustStore } from '../../../../native/sbi/TrustStore';

describe('resolveSbiClientOptions', () => {
  it('defaults to ports 4501–4600, strict hash chain and a ±5 minute window', () => {
    const options = resolveSbiClientOptions({ trust: new TrustStore() });
    assert.deepEqual([options.ports[0], options.ports.at(-1), options.ports.length, options.hashChainPolicy, options.timestampWindowMs], [4501, 4600, 100, 'strict', 300_000]);
  });

  it('rejects bad values with TypeError', () => {
    assert.throws(() => resolveSbiClientOptions({ trust: new TrustStore(), infoTimeoutMs: 0 }), TypeError);
    assert.throws(() => resolveSbiClientOptions({ trust: new TrustStore(), ports: [70_000] }), TypeError);
    assert.throws(() => resolveSbiClientOptions({ trust: new TrustStore(), hashChainPolicy: 'off' as 'warn' }), TypeError);
  });
});

describe('parsePortRange', () => {
  it('parses FROM-TO and refuses reversed or malformed ranges', () => {
    assert.deepEqual(parsePortRange('4501-4510'), { from: 4501, to: 4510 });
    assert.throws(() => parsePortRange('4510-4501'), TypeError);
    assert.throws(() => parsePortRange('4501'), TypeError);
  });
});
