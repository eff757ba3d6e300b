import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CrvsPacketContent } from '../../../../../../schemas/crvsOnline';
import { RegistrationInput } from '../../../../../../schemas/registration';
import { SAMPLE_ID_SCHEMA } from '../../../../../../schemas/registrationSampleIdSchema';
import { parseIdSchema } from '../../../../../../electron/services/packets/registrationValidator';
import { sampleRegistration, SMALL_SAMPLE } from '../../../../../../electron/services/packets/sampleRegistration';
import { crvsPacketContent } from '../../../../../../electron/services/sync/crvsOnline/crvsPacketContent';

const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);
const RID = '10001100020000120261203090000';
/** packet-manager release-1.2.0.x commons-packet-manager dto/packet/PacketDto.java, its fields in order */
const PACKET_DTO_FIELDS = ['id', 'additionalInfoReqId', 'refId', 'offlineMode', 'process', 'source', 'schemaVersion', 'schemaJson', 'fields', 'metaInfo', 'documents', 'audits', 'biometrics'];

const input = (process: string) => RegistrationInput.parse({ ...sampleRegistration({ now: NOW, sizes: SMALL_SAMPLE }), process });
const context = { rid: RID, idSchema: parseIdSchema(SAMPLE_ID_SCHEMA), machineKeyIndex: 'AB:CD', host: { hostName: 'h', hostIp: '127.0.0.1' }, now: NOW };

describe('crvsPacketContent: the createPacket request of a CRVS registration', () => {
  it("has exactly PacketDto's fields once the source is added, with string values as Packet Manager reads them", () => {
    const registration = input('CRVS_NEW');
    const content = CrvsPacketContent.parse(crvsPacketContent(registration, context));
    assert.deepEqual(Object.keys({ ...content, source: 'OPENCRVS' }).sort(), [...PACKET_DTO_FIELDS].sort());
    assert.deepEqual([content.id, content.refId, content.offlineMode, content.process], [RID, `${registration.centreId}_${registration.machineId}`, false, 'CRVS_NEW']);
    for (const [id, value] of Object.entries(registration.demographics)) {
      const sent = content.fields[id]!;
      assert.deepEqual(typeof value === 'string' ? sent : JSON.parse(sent), value, `field ${id}: a string as is, anything else as JSON text`);
    }
    assert.equal(content.fields['IDSchemaVersion'], String(registration.idSchemaVersion));
    assert.deepEqual(JSON.parse(content.schemaJson), context.idSchema);
    assert.equal(content.audits.length, registration.audits.length);
    assert.ok(content.audits.every((a) => a['id'] === RID && Object.values(a).every((v) => typeof v === 'string')));
  });

  it('carries each document as base64 with its type and format, each capture and exception as a BIR', () => {
    const registration = input('CRVS_DEATH');
    const content = crvsPacketContent(registration, context);
    for (const [id, doc] of Object.entries(registration.documents)) {
      assert.deepEqual(content.documents[id], { document: doc.content, value: id, type: doc.type, format: doc.format, refNumber: doc.refNumber });
    }
    for (const [id, field] of Object.entries(registration.biometrics)) {
      const segments = content.biometrics[id]!.segments;
      assert.equal(segments.length, field.captures.length + (field.exceptionPhoto ? 1 : 0) + field.exceptions.length, id);
      assert.deepEqual(segments.filter((s) => s.others['EXCEPTION'] === 'true').map((s) => s.bdb), field.exceptions.map(() => null));
      assert.deepEqual(segments.slice(0, field.captures.length).map((s) => s.bdb), field.captures.map((c) => c.iso));
    }
  });

  it('refuses a registration of another process', () => {
    assert.throws(() => crvsPacketContent(input('NEW'), context), /NEW is not a CRVS process/);
  });
});
