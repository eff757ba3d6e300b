import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStpProcessSpec } from '../../../../../../schemas/data/stpDemoSpecs';
import type { UiField } from '../../../../../../schemas/uiSpec';
import { ridSyncContact } from '../../../../../../electron/services/registration/drafts/ridSyncContact';

const fields = loadStpProcessSpec('NEW').screens.flatMap((s) => s.fields);
const two = (por: string, eng: string) => [{ language: 'por', value: por }, { language: 'eng', value: eng }];

/** RegistrationDAOImpl.save → RegistrationDataDto, sent by PacketSynchServiceImpl.getPacketSyncDtoList. */
describe('ridSyncContact', () => {
  it('takes the name-subtype value in the language asked, email and phone by subtype (STP NEW spec)', () => {
    const contact = ridSyncContact(fields, { fullName: two('Maria Neves', 'Mary Neves'), email: 'maria@example.st', phone: '9912345', gender: two('FLE', 'FLE') }, 'eng');
    assert.deepEqual(contact, { name: 'Mary Neves', email: 'maria@example.st', phone: '9912345' });
  });

  it('joins every name-subtype field with a space, matches subtypes ignoring case, and gives null for what is absent', () => {
    const split: UiField[] = [
      { ...fields.find((f) => f.id === 'fullName')!, id: 'firstName', subType: 'name' },
      { ...fields.find((f) => f.id === 'fullName')!, id: 'lastName', subType: 'Name' },
      { ...fields.find((f) => f.id === 'email')!, id: 'emailId', subType: 'Email' },
    ];
    const contact = ridSyncContact(split, { firstName: two('João', 'John'), lastName: two('Trovoada', 'Trovoada') }, 'por');
    assert.deepEqual(contact, { name: 'João Trovoada', email: null, phone: null });
  });
});
