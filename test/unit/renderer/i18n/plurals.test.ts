import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { i18n } from 'i18next';
import type { LanguageCode } from '../../../../schemas/operators';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { RESOURCES } from '../../../../renderer/i18n/resources';

/**
 * Issue 13: every count-bearing UI string reads right for 0, 1, 2, few and many in each language,
 * through i18next as the page runs it (Intl.PluralRules under our PLURAL_LOCALE).
 */
const LANGUAGES = Object.keys(RESOURCES) as LanguageCode[];
const COUNTS = [0, 1, 2, 3, 5, 11, 100];
const SUFFIX = /_(zero|one|two|few|many|other)$/;
/** "(s)", "(m)", "(es)", "(x)", "(e)": the hedges a plural rule replaces */
const HEDGE = /\((s|m|es|x|e)\)/;

type Tree = { readonly [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}
const common = (l: LanguageCode) => new Map(flatten(RESOURCES[l].common as Tree));
const errors = (l: LanguageCode) => new Map(Object.entries(RESOURCES[l].errors as Record<string, string>));
/** Base keys that some language writes in plural forms. */
const pluralKeys = [...new Set(LANGUAGES.flatMap((l) => [...common(l).keys()].filter((k) => SUFFIX.test(k)).map((k) => k.replace(SUFFIX, ''))))].sort();
/** Error translations that embed a counted phrase. */
const countedErrors = [...new Set(LANGUAGES.flatMap((l) => [...errors(l)].filter(([, v]) => v.includes('$t(common:counts.')).map(([k]) => k)))].sort();
const instances = new Map<LanguageCode, i18n>();
async function t(l: LanguageCode, key: string, options: Record<string, unknown>): Promise<string> {
  if (!instances.has(l)) instances.set(l, await createI18n(l));
  return instances.get(l)!.t(key, options) as string;
}
const ERROR_DETAILS = { userId: 'sup1', fieldId: 'phone', rule: 'regex' };

describe('i18n plurals', () => {
  it('finds the count-bearing strings to check', () => {
    assert.ok(pluralKeys.length >= 30, String(pluralKeys.length));
    assert.deepEqual(countedErrors, ['ERR_AUTH_LOCKED', 'ERR_AUTH_WRONG_PASSWORD', 'ERR_REG_DRAFT_INCOMPLETE', 'ERR_REG_OPERATOR_AUTH_FAILED', 'ERR_REG_REVIEWER_AUTH_FAILED', 'ERR_REG_REVIEWER_LOCKED']);
  });

  it('has no "(s)"-style hedge left in any string of any locale file', () => {
    for (const l of LANGUAGES) {
      for (const [k, v] of [...common(l), ...errors(l)]) assert.doesNotMatch(v, HEDGE, `${l} ${k}`);
    }
  });

  it('gives each plural key its own text in every language (no fallback to English), and Arabic all six forms', () => {
    for (const l of LANGUAGES) {
      const keys = common(l);
      for (const base of pluralKeys) {
        const forms = [...keys.keys()].filter((k) => k.replace(SUFFIX, '') === base && SUFFIX.test(k));
        assert.ok(forms.length > 0 || keys.has(base), `${l} lacks ${base}`);
        if (forms.length === 0) continue;
        const wanted = l === 'ara' ? ['zero', 'one', 'two', 'few', 'many', 'other'] : ['one', 'other'];
        assert.deepEqual(forms.map((k) => SUFFIX.exec(k)![1]).sort(), [...wanted].sort(), `${l} ${base}`);
      }
    }
  });

  it('renders every plural key and counted error for 0, 1, 2, 3, 5, 11, 100 with no hedge, placeholder or nesting left', async () => {
    for (const l of LANGUAGES) {
      for (const count of COUNTS) {
        const texts = [
          ...await Promise.all(pluralKeys.map(async (k) => [k, await t(l, k, { count, prid: '12345', n: 1, dir: 'regclient-export' })] as const)),
          ...await Promise.all(countedErrors.map(async (k) => [k, await t(l, `errors:${k}`, { ...ERROR_DETAILS, count, attemptsLeft: count, minutes: count })] as const)),
        ];
        for (const [k, text] of texts) {
          assert.doesNotMatch(text, HEDGE, `${l} ${k} ${count}: ${text}`);
          assert.doesNotMatch(text, /\{\{|\$t\(/, `${l} ${k} ${count}: ${text}`);
          assert.notEqual(text, k, `${l} ${k} missing`);
        }
      }
    }
  });

  it('makes Portuguese 0 plural, as written in São Tomé (European Portuguese), and 1 singular', async () => {
    assert.equal(await t('por', 'registration.document.scan.pages', { count: 0 }), '0 páginas tiradas');
    assert.equal(await t('por', 'registration.document.scan.attach', { count: 0 }), 'Anexar 0 páginas');
    assert.equal(await t('por', 'registration.document.scan.attach', { count: 1 }), 'Anexar 1 página');
    assert.equal(await t('por', 'counts.attemptsLeft', { count: 0 }), 'Restam 0 tentativas');
    assert.equal(await t('por', 'counts.attemptsLeft', { count: 1 }), 'Resta 1 tentativa');
    for (const base of pluralKeys) {
      const forms = common('por');
      if (!forms.has(`${base}_other`)) continue;
      assert.equal(await t('por', base, { count: 0, prid: 'P' }), await t('por', `${base}_other`, { count: 0, prid: 'P' }), base);
    }
  });

  it('puts the counted phrase into the error text in each language', async () => {
    assert.match(await t('por', 'errors:ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 4 }), /Restam 4 tentativas antes/);
    assert.match(await t('por', 'errors:ERR_AUTH_WRONG_PASSWORD', { attemptsLeft: 1 }), /Resta 1 tentativa antes/);
    assert.match(await t('por', 'errors:ERR_AUTH_LOCKED', { minutes: 2 }), /dentro de 2 minutos /);
    assert.match(await t('eng', 'errors:ERR_REG_REVIEWER_LOCKED', { userId: 's', minutes: 1 }), /Wait 1 minute or/);
    assert.match(await t('fra', 'errors:ERR_REG_DRAFT_INCOMPLETE', { ...ERROR_DETAILS, count: 1 }), /soumise : 1 problème, le premier/);
    assert.match(await t('ara', 'errors:ERR_AUTH_LOCKED', { minutes: 2 }), /بعد دقيقتين/);
    assert.match(await t('ara', 'errors:ERR_AUTH_LOCKED', { minutes: 5 }), /بعد 5 دقائق/);
  });

  it('says which document is attached without making the verb agree with its gender', async () => {
    assert.equal(await t('por', 'registration.document.attached', { type: 'Certidão de nascimento', size: 3 }), 'Anexado: Certidão de nascimento (3 KB)');
    assert.equal(await t('fra', 'registration.document.attached', { type: 'Acte de naissance', size: 3 }), 'Pièce jointe : Acte de naissance (3 Ko)');
  });
});
