import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RESOURCES } from '../../../../renderer/i18n/resources';

/** Where the registration screens live: every `t('…')` key they use must be translated. */
const SCREENS_DIR = 'renderer/features/registration';
const LOCALES = ['por', 'fra', 'ara'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Leaf keys of a resource tree, dotted, with plural suffixes folded into their base key. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') {
    out.set(prefix.replace(PLURAL, ''), tree);
    return out;
  }
  for (const [k, v] of Object.entries(tree as Record<string, unknown>)) for (const [key, text] of leaves(v, prefix ? `${prefix}.${k}` : k)) if (!out.has(key)) out.set(key, text);
  return out;
}

/** The keys the screens pass to `t`: literal ones as they are, template ones as a pattern over `${…}`. */
function usedKeyPatterns(): RegExp[] {
  const patterns = new Map<string, RegExp>();
  for (const file of sources(SCREENS_DIR)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*(['`])([a-zA-Z][\w.${}()?:'" -]*?)\1/g)) {
      const key = m[2]!;
      if (!key.includes('.')) continue;
      const source = key.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^.]+');
      patterns.set(key, new RegExp(`^${source}$`));
    }
  }
  return [...patterns.values()];
}

/** English that is a sentence (several words): a copy of it in another language is a forgotten translation. */
const isSentence = (text: string) => /\p{L}{2,}[\s\u00a0]+\p{L}{2,}[\s\u00a0]+\p{L}{2,}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));

describe('registration screens are translated in every UI language (i18next resources)', () => {
  const eng = leaves(RESOURCES.eng.common);
  const used = usedKeyPatterns();
  /** every resource key the screens can ask for: each literal key, each expansion of a template key */
  const keys = [...eng.keys()].filter((k) => used.some((re) => re.test(k)));

  it('finds the keys the screens use (the walk itself works)', () => {
    assert.ok(used.length > 100, `only ${used.length} t() keys found under ${SCREENS_DIR}`);
    const unmatched = used.filter((re) => ![...eng.keys()].some((k) => re.test(k))).map(String);
    assert.deepEqual(unmatched, [], 'keys used by the screens with no English resource');
    assert.ok(keys.includes('registration.biometrics.missingModalities') && keys.includes('registration.modality.face'));
  });

  for (const language of LOCALES) {
    it(`${language}: has every key the screens use, none left in English by accident`, () => {
      const translated = leaves(RESOURCES[language].common);
      assert.deepEqual(keys.filter((k) => !translated.has(k)), [], `keys missing in ${language}`);
      const copied = keys.filter((k) => isSentence(eng.get(k)!) && translated.get(k) === eng.get(k));
      assert.deepEqual(copied, [], `English sentences copied unchanged into ${language}`);
    });
  }
});
