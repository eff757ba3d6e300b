import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceProblem } from '../../../sims/mosip/deviceCheck';

const CREATION = '2026-12-02T10:00:00.000Z';
const b64url = (s: string) => Buffer.from(s).toString('base64url');
const jws = (payload: object) => `${b64url('{"alg":"RS256"}')}.${b64url(JSON.stringify(payload))}.c2ln`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One subpacket: meta info with `creationDate` and a CBEFF file with one BIR per capture, as JAXB writes `others`. */
function subpacket(captures: readonly { timestamp: string; dateTime: string; exception?: boolean }[], creationDate = CREATION): Map<string, Buffer> {
  const birs = captures.map((c) => {
    const payload = JSON.stringify({ digitalId: jws({ serialNo: 'S1', dateTime: c.dateTime }), timestamp: c.timestamp, bioValue: '<bioValue>' });
    return `<BIR><BDB>AAAA</BDB><others><entry key="EXCEPTION">${c.exception ? 'true' : 'false'}</entry><entry key="PAYLOAD">${c.exception ? '' : esc(payload)}</entry></others></BIR>`;
  });
  return new Map([
    ['packet_meta_info.json', Buffer.from(JSON.stringify({ identity: { creationDate } }))],
    ['individualBiometrics.xml', Buffer.from(`<BIR>${birs.join('')}<others><entry key="CONFIGURED">leftThumb</entry></others></BIR>`)],
  ]);
}

describe('simulator cmd-validator device timestamps (DeviceValidator.validateTimestamp)', () => {
  it('passes captures within 5 minutes before creation, and skips exception BIRs', () => {
    assert.equal(deviceProblem(subpacket([
      { timestamp: '2026-12-02T09:55:00Z', dateTime: '2026-12-02T10:00:00Z' },
      { timestamp: 'never read', dateTime: 'never read', exception: true },
    ])), undefined);
  });

  for (const [why, capture, expected] of [
    ['a capture timestamp with milliseconds', { timestamp: '2026-12-02T09:59:00.123Z', dateTime: '2026-12-02T09:59:00Z' }, /timestamp 2026-12-02T09:59:00.123Z cannot be parsed/],
    ['a digitalId dateTime with an offset', { timestamp: '2026-12-02T09:59:00Z', dateTime: '2026-12-02T09:59:00+00:00' }, /digitalId.dateTime 2026-12-02T09:59:00\+00:00 cannot be parsed/],
    ['a capture after the packet creation', { timestamp: '2026-12-02T10:00:01Z', dateTime: '2026-12-02T09:59:00Z' }, /timestamp 2026-12-02T10:00:01Z: RPR-CMD-FAILED-016/],
    ['a digitalId more than 5 minutes before creation', { timestamp: '2026-12-02T09:59:00Z', dateTime: '2026-12-02T09:54:59Z' }, /digitalId.dateTime 2026-12-02T09:54:59Z: RPR-CMD-FAILED-016/],
  ] as const) {
    it(`refuses ${why}`, () => {
      assert.match(deviceProblem(subpacket([capture])) ?? 'passed', expected);
    });
  }

  it('refuses a packet whose creationDate is not the processor datetime pattern', () => {
    assert.match(deviceProblem(subpacket([{ timestamp: '2026-12-02T09:59:00Z', dateTime: '2026-12-02T09:59:00Z' }], '20261202100000')) ?? 'passed', /creationDate 20261202100000 cannot be parsed/);
  });
});
