import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAgainstSchema } from '../../../../electron/services/packets/registrationValidator';
import { sampleRegistration } from '../../../../electron/services/packets/sampleRegistration';
import { loadStpIdSchema } from '../../../../schemas/data/stpDemoSpecs';
import { RegistrationInput } from '../../../../schemas/registration';

/**
 * Issue 13: the STP ID schema, which the packet is checked against, takes the names the UI spec
 * now lets through (3 to 128 characters, the width of MOSIP regprc `individual_demographic_dedup.name`).
 */
const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
function fullNameIssues(name: string): string[] {
  const input = sampleRegistration({ now: NOW });
  const demographics = { ...input.demographics, fullName: input.langCodes.map((language) => ({ language, value: name })) };
  return checkAgainstSchema(RegistrationInput.parse({ ...input, demographics }), loadStpIdSchema()).filter((i) => i.field.startsWith('demographics.fullName')).map((i) => `${i.field} ${i.rule}`);
}

describe('STP ID schema: full name length', () => {
  it('accepts a São Tomé name with several surnames (over 50 characters) and refuses one over 128', () => {
    const long = 'Maria da Conceição Quaresma dos Santos Bragança Trovoada';
    assert.ok(long.length > 50);
    assert.deepEqual(fullNameIssues(long), []);
    assert.deepEqual(fullNameIssues('x'.repeat(128)), []);
    assert.notDeepEqual(fullNameIssues('x'.repeat(129)), []);
    assert.notDeepEqual(fullNameIssues('Al'), []);
  });
});
