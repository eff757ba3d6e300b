import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bioAttributeName, RECEIPT_LANGUAGES } from '../../../../electron/services/registration/ackReceiptText';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { BIO_ATTRIBUTE_NAMES } from '../../../../schemas/data/bioAttributeNames';
import { BioAttribute } from '../../../../schemas/registration';

/** Issue 13: one name per finger, the same on screen and on the printed receipt. */
describe('finger, eye and face names', () => {
  it('are the same on screen (i18n) and on the receipt for every attribute and receipt language', async () => {
    for (const language of RECEIPT_LANGUAGES) {
      const i18n = await createI18n(language);
      for (const attribute of BioAttribute.options) {
        const screen = i18n.t(`registration.attribute.${attribute}`);
        assert.equal(bioAttributeName(attribute, language), screen, `${language} ${attribute}`);
        assert.notEqual(screen, `registration.attribute.${attribute}`, 'named on screen');
      }
    }
  });

  it('call the little finger "Mínimo" in Portuguese, screen and receipt, and name every attribute in Arabic too', async () => {
    const por = await createI18n('por');
    assert.deepEqual([por.t('registration.attribute.leftLittle'), bioAttributeName('rightLittle', 'por')], ['Mínimo esquerdo', 'Mínimo direito']);
    const ara = await createI18n('ara');
    assert.equal(ara.t('registration.attribute.leftLittle'), BIO_ATTRIBUTE_NAMES.ara.leftLittle);
  });
});
