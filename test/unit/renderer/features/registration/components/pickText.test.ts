import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickText } from '../../../../../../renderer/features/registration/components/pickText';

describe('pickText: a synced label in the operator\'s language, else the registration\'s first language', () => {
  const label = { por: 'Dados biométricos', eng: 'Biometric details', fra: 'Données biométriques' };

  it('takes the UI language when the spec has it', () => {
    assert.equal(pickText(label, ['fra', 'por']), 'Données biométriques');
    assert.equal(pickText(label, 'eng'), 'Biometric details');
  });

  it('falls back to the registration\'s first language, not to English, when the spec lacks the UI language', () => {
    assert.equal(pickText(label, ['ara', 'por']), 'Dados biométricos');
    assert.equal(pickText({ ...label, ara: '' }, ['ara', 'fra']), 'Données biométriques', 'an empty text counts as missing');
  });

  it('uses English, then any language, only when neither is there', () => {
    assert.equal(pickText({ eng: 'Consent', fra: 'Consentement' }, ['ara', 'por']), 'Consent');
    assert.equal(pickText({ fra: 'Consentement' }, ['ara', 'por']), 'Consentement');
    assert.equal(pickText(undefined, ['ara']), '');
  });
});
