import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RESOURCES } from '../../../../../renderer/i18n/resources';

const LANGUAGES = ['eng', 'por', 'fra', 'ara'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const ROOT = join(import.meta.dirname, '../../../../../renderer');
const SOURCES = ['features/approval', 'features/sync', 'features/home/components/cards'];

/** Dotted key paths under `tree`, plural suffixes folded into the base key (Arabic has other forms). */
function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k.replace(PLURAL, '')}`] : keys(v, `${prefix}${k}.`)));
}

function child(tree: unknown, key: string): unknown {
  return typeof tree === 'object' && tree !== null ? (tree as Record<string, unknown>)[key] : undefined;
}

function sectionKeys(language: (typeof LANGUAGES)[number]): string[] {
  const common: unknown = RESOURCES[language].common;
  return [...new Set([...keys(child(common, 'approval'), 'approval.'), ...keys(child(common, 'sync'), 'sync.'), ...keys(child(child(common, 'home'), 'cards'), 'home.cards.')])].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

describe('approval, sync and dashboard-card translations', () => {
  it('have the same keys in every language', () => {
    const english = sectionKeys('eng');
    assert.ok(english.length > 100, `expected the sections in English, found ${english.length} keys`);
    for (const language of LANGUAGES) assert.deepEqual(sectionKeys(language), english, language);
  });

  it('have every literal key the components use', () => {
    const english = new Set(sectionKeys('eng'));
    const used = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/t\('((?:approval|sync|home\.cards)\.[A-Za-z.]+)'/g)].map((m) => m[1]!));
    assert.ok(used.length > 50, `expected many keys in the components, found ${used.length}`);
    assert.deepEqual(used.filter((key) => !english.has(key)), []);
  });
});
