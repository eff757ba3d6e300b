import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { errorSpec, OperatorAction, type ErrorCode } from '../../../../schemas/errors';
import { sbiErrors } from '../../../../schemas/errors/sbiErrors';

const TEXTS = join(import.meta.dirname, '..', '..', '..', '..', 'schemas', 'data', 'errorText');

describe('sbiErrors', () => {
  for (const language of ['eng', 'fra', 'por', 'ara']) {
    it(`uses in ${language} only placeholders that the code's details provide`, () => {
      const texts = JSON.parse(readFileSync(join(TEXTS, language, 'sbi.json'), 'utf8')) as Record<string, string>;
      const problems: string[] = [];
      for (const [code, spec] of Object.entries(sbiErrors)) {
        const keys = Object.keys((spec.details() as z.ZodObject).shape);
        for (const [, name] of (texts[code] ?? '').matchAll(/\{\{(\w+)\}\}/g)) if (!keys.includes(name!)) problems.push(`${code}: {{${name}}}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('suggests an operator action for every code, in its catalogue entry', () => {
    const missing = Object.keys(sbiErrors).filter((code) => !OperatorAction.safeParse(errorSpec(code as ErrorCode).operatorAction).success);
    assert.deepEqual(missing, []);
  });
});
