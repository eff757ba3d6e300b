import type { CliCommand } from './CliCommand';

/** Levenshtein distance, two rows: command names are short, a library is not worth a dependency. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * What the operator probably meant by `words` (the leading non-option arguments): the closest
 * command within a third of its length in edits, else every command of the group named by the
 * first word (`packets` → `packets list`, `packets approve`, …). Empty when nothing is close.
 */
export function suggestCommands(commands: readonly CliCommand[], words: readonly string[]): string[] {
  let best: { name: string; distance: number } | undefined;
  for (const c of commands) {
    const name = c.words.join(' ');
    const typed = words.slice(0, c.words.length).join(' ');
    const distance = editDistance(typed, name);
    if (distance <= Math.max(1, Math.floor(name.length / 3)) && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return [best.name];
  return commands.filter((c) => c.words.length > 1 && c.words[0] === words[0]).map((c) => c.words.join(' '));
}
