/**
 * Source bans the style guide marks (lint): `.then` chains, focused or skipped tests, and
 * eval-like code anywhere (the MVEL evaluator must stay safe).
 */
export interface SourceViolation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const RULES: readonly { pattern: RegExp; message: string; appliesTo: (file: string) => boolean }[] = [
  { pattern: /\.then\(/, message: 'use async/await, not .then chains (STYLE rule 31)', appliesTo: () => true },
  { pattern: /\b(?:it|test|describe|suite)\.only\(/, message: 'focused test (.only) (STYLE rule 53)', appliesTo: () => true },
  { pattern: /\b(?:it|test|describe|suite)\.skip\(|\{\s*skip:\s*true/, message: 'skipped test (STYLE rule 53)', appliesTo: () => true },
  { pattern: /\beval\(|\bnew Function\(/, message: 'no eval or new Function: evaluate expressions with a parser', appliesTo: () => true },
  {
    pattern: /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+outbox\b/i,
    message: 'only electron/services/db/repos/outbox.ts writes the outbox table (issue 15): call its functions',
    appliesTo: (f) => f.startsWith('electron/') && f !== 'electron/services/db/repos/outbox.ts' && !f.startsWith('electron/services/db/migrations'),
  },
  {
    pattern: /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+packet_(?:summaries|names|name_search)\b/i,
    message: 'only electron/services/db/repos/packetSummaries.ts and packetNameSearch.ts write the summaries and their name index (issue 17): a summary written elsewhere would not be found by name',
    appliesTo: (f) => f.startsWith('electron/') && f !== 'electron/services/db/repos/packetSummaries.ts' && f !== 'electron/services/db/repos/packetNameSearch.ts' && !f.startsWith('electron/services/db/migrations'),
  },
  { pattern: /\bdescribe\([^,]+,\s*async\b/, message: 'describe callbacks must not be async (STYLE rule 53)', appliesTo: (f) => f.startsWith('test/') },
];

export function checkSource(file: string, source: string): SourceViolation[] {
  const out: SourceViolation[] = [];
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    const code = text.replace(/\/\/.*$/, '');
    for (const rule of RULES) {
      if (rule.appliesTo(file) && rule.pattern.test(code)) out.push({ file, line: index + 1, message: rule.message });
    }
  });
  return out;
}
