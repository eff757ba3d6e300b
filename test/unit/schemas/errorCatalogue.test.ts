import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AppError, deserializeError, ERROR_CODES, ERRORS, serializeError } from '../../../schemas/errors';
import { ERROR_TEXT } from '../../../schemas/data/errorText';
import { LanguageCode } from '../../../schemas/operators';

const TEXTS = join(import.meta.dirname, '..', '..', '..', 'schemas', 'data', 'errorText');

function translations(language: string): Record<string, string> {
  const dir = join(TEXTS, language);
  const merged: Record<string, string> = {};
  // every area's file (words.json holds the counted words and role names, not codes)
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'words.json')) {
    Object.assign(merged, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>);
  }
  return merged;
}

describe('error catalogue', () => {
  for (const language of LanguageCode.options) {
    it(`has a ${language} translation for every code, and no translation without a code`, () => {
      const t = translations(language);
      assert.deepEqual(ERROR_CODES.filter((code) => !t[code]?.trim()), [], `codes without ${language} text`);
      assert.deepEqual(Object.keys(t).filter((key) => !(key in ERRORS)), [], `${language} texts without a code`);
      // what the app and the CLI load is every file of the folder, not a list that forgot one
      assert.deepEqual({ ...ERROR_TEXT[language] }, t);
    });
  }

  it('names every code ERR_<AREA>_<WHAT>', () => {
    assert.deepEqual(ERROR_CODES.filter((c) => !/^ERR_[A-Z0-9]+(_[A-Z0-9]+)*$/.test(c)), []);
  });

  it('round-trips an AppError through its wire form', () => {
    const original = new AppError('ERR_AUTH_LOCKED', { lockedUntil: 1, minutes: 2 });
    const back = deserializeError(serializeError(original));
    assert.equal(back.code, 'ERR_AUTH_LOCKED');
    assert.deepEqual(back.details, { lockedUntil: 1, minutes: 2 });
    assert.equal(back.retry, 'fatal');
  });

  it('reports a bug as ERR_INTERNAL without leaking its message', () => {
    // lint-allow-path: the leaked path is the data under test, never opened
    assert.deepEqual(serializeError(new TypeError('secret path /home/x')), { code: 'ERR_INTERNAL', message: 'internal error', details: {} });
  });
});
