import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInteropPayload } from '../../../../../electron/services/crvs/parseInteropPayload';
import { birthEvent, deathEvent } from '../../../../sims/opencrvs/payloads';
import { throwsWithCode } from '../../../../helpers/assertAppError';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const body = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

/** OpenCRVS's webhook body, read once at the bridge's edge: the kind, the id, or which field broke which rule. */
describe('parseInteropPayload', () => {
  it('reads a birth and a death, keyed by eventId, else by trackingId', () => {
    const birth = parseInteropPayload(body(birthEvent(1, NOW, '2345678906')));
    assert.deepEqual([birth.kind, birth.eventId, birth.registrationNumber], ['BIRTH', 'birth-1', 'AG-2026/00001']);
    const { eventId: _dropped, ...noEventId } = deathEvent(2, NOW, '2345678906');
    const death = parseInteropPayload(body(noEventId));
    assert.deepEqual([death.kind, death.eventId, death.registrationNumber], ['DEATH', 'D000002', 'OB-2026/00002']);
    const correction = parseInteropPayload(body({ ...noEventId, trackingId: 'C1', requestFields: { VID: '2345678906', fullName: 'Ana' } }));
    assert.deepEqual([correction.kind, correction.eventId, correction.registrationNumber], ['CORRECTION', 'C1', 'C1'], 'a correction: no certificate, its tracking id');
  });

  it('names the field and the rule of a refused body, of the kind the body claims', () => {
    const birth = birthEvent(1, NOW, '2345678906');
    const fields = birth['requestFields'] as Record<string, unknown>;
    const cases: [string, unknown, string][] = [
      ['not JSON', 'PRID 1234', '(body)'],
      ['no tracking id', { ...birth, trackingId: undefined }, 'trackingId'],
      ['a birth without its gender', { ...birth, requestFields: { ...fields, gender: '' } }, 'requestFields.gender'],
      ['a birth on 31 February', { ...birth, requestFields: { ...fields, dateOfBirth: '2026-02-31' } }, 'requestFields.dateOfBirth'],
      ['a parent UIN that is not one', { ...birth, requestFields: { ...fields, introducerUIN: '12ab' } }, 'requestFields.introducerUIN'],
      ['a death without its certificate', { ...deathEvent(1, NOW, '2345678906'), requestFields: { UIN: '2345678906' } }, 'requestFields.deathCertificateNumber'],
      ['both certificates', { ...birth, requestFields: { ...fields, deathCertificateNumber: 'OB-1' } }, 'requestFields.deathCertificateNumber'],
      ['a correction of no one', { ...birth, requestFields: { VID: 'abc', fullName: 'Ana' } }, 'requestFields.VID'],
      ['a constructor key', `{"constructor":{"prototype":{"x":1}},${JSON.stringify(birth).slice(1)}`, 'prototype'],
    ];
    for (const [what, value, field] of cases) {
      const err = throwsWithCode(() => parseInteropPayload(body(value)), 'ERR_CRVS_PAYLOAD_INVALID');
      assert.equal((err.details as { field: string }).field, field, what);
    }
  });
});
