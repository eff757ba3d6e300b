import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_ID_SCHEMA } from '../../../../../schemas/registrationSampleIdSchema';
import { parsePacketBuildRequest } from '../../../../../electron/services/packets/parsePacketBuildRequest';
import { sampleRegistration } from '../../../../../electron/services/packets/sampleRegistration';
import { throwsWithCode } from '../../../../helpers/assertAppError';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const registration = sampleRegistration({ now: NOW }) as Record<string, unknown>;

describe('parsePacketBuildRequest', () => {
  it('gives the typed request, defaults filled in', () => {
    const request = parsePacketBuildRequest({ draftId: 'd1', actor: 'officer1', registration, idSchema: SAMPLE_ID_SCHEMA });
    assert.equal(request.registration.centreId, '10001');
    assert.equal(request.registration.additionalInfoReqId, null);
    assert.ok(request.idSchema);
  });

  it('names a registration\'s issues from the registration, as the packet engine does', () => {
    const err = throwsWithCode(() => parsePacketBuildRequest({ draftId: 'd1', actor: null, registration: { ...registration, centreId: '1' } }), 'ERR_PACKET_INPUT_INVALID');
    assert.equal((err.details as { first: string }).first, 'centreId: invalid_format');
  });

  it('names the request\'s own fields', () => {
    const err = throwsWithCode(() => parsePacketBuildRequest({ draftId: '', actor: null, registration }), 'ERR_PACKET_INPUT_INVALID');
    assert.equal((err.details as { first: string }).first, 'draftId: too_small');
  });

  it('refuses an ID schema first, as packet build always did', () => {
    throwsWithCode(() => parsePacketBuildRequest({ draftId: 'd1', actor: null, registration: {}, idSchema: { properties: {} } }), 'ERR_PACKET_ID_SCHEMA_INVALID');
  });
});
