import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RESOURCES } from '../../../../../../../../renderer/i18n/resources';

const LANGUAGES = ['eng', 'por', 'fra', 'ara'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const PANEL = join(import.meta.dirname, '../../../../../../../../renderer/features/registration/components/fields/scan/DocumentScanPanel.tsx');
const PROBLEMS = ['noCamera', 'denied', 'busy', 'unsupported', 'failed'];

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k.replace(PLURAL, '')}`] : keys(v, `${prefix}${k}.`)));
}
function scanKeys(language: (typeof LANGUAGES)[number]): string[] {
  const common = RESOURCES[language].common as { registration?: { document?: { scan?: unknown } } };
  return [...new Set(keys(common.registration?.document?.scan, 'registration.document.scan.'))].sort();
}

describe('document scan translations', () => {
  it('have the same keys in every language, a message for every camera problem', () => {
    const english = scanKeys('eng');
    for (const problem of PROBLEMS) assert.ok(english.includes(`registration.document.scan.problem.${problem}`), problem);
    for (const language of LANGUAGES) assert.deepEqual(scanKeys(language), english, language);
  });

  it('have every literal key the panel uses', () => {
    const english = new Set(scanKeys('eng'));
    const used = [...readFileSync(PANEL, 'utf8').matchAll(/t\('(registration\.document\.scan\.[A-Za-z.]+)'/g)].map((m) => m[1]!);
    assert.ok(used.length > 10, `expected the panel's keys, found ${used.length}`);
    assert.deepEqual(used.filter((key) => !english.has(key)), []);
  });
});
