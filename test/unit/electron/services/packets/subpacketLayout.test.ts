import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_ID_SCHEMA } from '../../../../../schemas/registrationSampleIdSchema';
import { hashSequenceHex } from '../../../../../electron/services/packets/hashSequence';
import { planSchemaFields } from '../../../../../electron/services/packets/idSchemaFields';
import { buildMetaInfoBase } from '../../../../../electron/services/packets/metaInfo';
import { parseIdSchema, validateRegistration } from '../../../../../electron/services/packets/registrationValidator';
import { sampleRegistration } from '../../../../../electron/services/packets/sampleRegistration';
import { layoutSubpacket } from '../../../../../electron/services/packets/subpacketLayout';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const schema = parseIdSchema(SAMPLE_ID_SCHEMA);
const input = validateRegistration(sampleRegistration({ now: NOW }), schema);
const rid = '10001100020000120261122090000';
const birIndexes = { individualBiometrics: Object.fromEntries([...input.biometrics.individualBiometrics!.captures, ...input.biometrics.individualBiometrics!.exceptions].map((b, i) => [b.attribute, `uuid-${i}`])) };
const ctx = { rid, fields: planSchemaFields(schema), metaBase: buildMetaInfoBase(input, { rid, machineKeyIndex: 'aa:bb', birIndexes, now: NOW }), birIndexes, host: { hostName: 'h', hostIp: '1' }, now: NOW };
const files = (name: 'id' | 'evidence' | 'optional') => new Map(layoutSubpacket(input, name, ctx).files.map((f) => [f.fileName, f.bytes]));
const identity = (m: Map<string, Buffer>) => (JSON.parse(m.get('ID.json')!.toString('utf8')) as { identity: Record<string, unknown> }).identity;
const meta = (m: Map<string, Buffer>) => (JSON.parse(m.get('packet_meta_info.json')!.toString('utf8')) as { identity: Record<string, unknown> }).identity;

describe('layoutSubpacket', () => {
  it('splits fields by fieldCategory: pvt → id, evidence → evidence, none → all three', () => {
    assert.deepEqual([...files('id').keys()].sort(), ['ID.json', 'audit.json', 'individualBiometrics_bio_CBEFF.xml', 'packet_data_hash.txt', 'packet_meta_info.json', 'packet_operations_hash.txt', 'proofOfAddress.pdf', 'proofOfIdentity.pdf']);
    assert.deepEqual([...files('evidence').keys()].sort(), ['ID.json', 'packet_data_hash.txt', 'packet_meta_info.json', 'proofOfException.jpg']);
    assert.deepEqual([...files('optional').keys()].sort(), ['ID.json', 'packet_data_hash.txt', 'packet_meta_info.json']);
    assert.deepEqual(identity(files('optional')), { IDSchemaVersion: 0.1 });
    assert.deepEqual(identity(files('evidence')).proofOfException, { format: 'jpg', type: 'EOP', value: 'proofOfException', refNumber: null });
    assert.deepEqual(identity(files('id')).individualBiometrics, { format: 'cbeff', version: 1, value: 'individualBiometrics_bio_CBEFF' });
  });

  it('wraps ID.json as the Java writer does', () => {
    assert.match(files('optional').get('ID.json')!.toString('utf8'), /^\{ "identity" : \{"IDSchemaVersion":0\.1\} \} $/);
  });

  it('records hash sequences that reproduce both hash files', () => {
    const id = files('id');
    const m = meta(id);
    assert.deepEqual(m.hashSequence1, [
      { label: 'biometricSequence', value: ['individualBiometrics_bio_CBEFF'] },
      { label: 'demographicSequence', value: ['proofOfAddress', 'proofOfIdentity', 'ID'] },
    ]);
    assert.deepEqual(m.hashSequence2, [{ label: 'otherFiles', value: ['audit'] }]);
    // a subpacket without biometrics records no biometricSequence label at all, as in MOSIP's sample
    // evidence and optional components (test/fixtures/mosip-docs/packet-structure/components/*/packet_meta_info.json)
    assert.deepEqual(meta(files('evidence')).hashSequence1, [{ label: 'demographicSequence', value: ['proofOfException', 'ID'] }]);
    assert.deepEqual(meta(files('optional')).hashSequence1, [{ label: 'demographicSequence', value: ['ID'] }]);
    // packet-manager 1.2 writes evidence and optional before id, when hashSequence2 is not yet in its meta map
    assert.deepEqual((['evidence', 'optional'] as const).map((name) => 'hashSequence2' in meta(files(name))), [false, false]);
    const data = hashSequenceHex(['individualBiometrics_bio_CBEFF.xml', 'proofOfAddress.pdf', 'proofOfIdentity.pdf', 'ID.json'].map((f) => id.get(f)!));
    assert.equal(id.get('packet_data_hash.txt')!.toString('ascii'), data);
    assert.equal(id.get('packet_operations_hash.txt')!.toString('ascii'), hashSequenceHex([id.get('audit.json')!]));
  });

  it('writes meta info labels, biometrics with birindex and the exception', () => {
    const m = meta(files('id'));
    const labels = (m.metaData as { label: string }[]).map((l) => l.label);
    assert.deepEqual(labels, ['registrationId', 'applicationId', 'creationDate', 'Registration Client Version Number', 'registrationType', 'preRegistrationId', 'machineId', 'centerId', 'dongleId', 'keyIndex', 'langCodes', 'consentOfApplicant']);
    const bio = (m.biometrics as Record<string, Record<string, { birindex: string }>>).individualBiometrics!;
    assert.equal(Object.keys(bio).length, 12);
    assert.equal(bio.face!.birindex, birIndexes.individualBiometrics.face);
    assert.deepEqual(Object.keys((m.exceptionBiometrics as Record<string, object>).individualBiometrics!), ['leftLittle']);
    assert.equal(m.proofOfIdentity, 'DOC001');
  });

  it('writes a non-empty audit.json of string fields', () => {
    const audit = JSON.parse(files('id').get('audit.json')!.toString('utf8')) as Record<string, unknown>[];
    assert.equal(audit.length, 2);
    assert.equal(audit[0]!.id, rid);
    assert.ok(Object.values(audit[0]!).every((v) => typeof v === 'string'));
  });
});
