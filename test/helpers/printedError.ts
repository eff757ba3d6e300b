import assert from 'node:assert/strict';

/** A failed `regclient` run's error as printed on stderr (electron/cli/errorText.ts). */
export interface PrintedError {
  readonly code: string;
  /** the sentence a person reads after the code */
  readonly sentence: string;
  /** the details the sentence leaves out, by their printed name (`locked until`) */
  readonly other: Readonly<Record<string, string>>;
  /** what a person reads: the sentence and those lines */
  readonly text: string;
  /** the raw details, printed only under REGCLIENT_DEBUG=1 */
  readonly details: Record<string, unknown> | undefined;
}

/** Reads `error CODE: sentence`, the `  name: value` lines under it and, when present, `details: {…}`. */
export function printedError(stderr: string): PrintedError {
  const match = /^error (ERR_[A-Z0-9_]+): (.+)\n((?: {2}[a-z ]+: .*\n)*)(?:details: (\{.*\})\n)?/m.exec(stderr);
  assert.ok(match, `no catalogue error on stderr:\n${stderr}`);
  const otherLines = match[3]!.split('\n').filter((l) => l !== '');
  const other = Object.fromEntries(otherLines.map((l) => /^ {2}([a-z ]+): (.*)$/.exec(l)!.slice(1, 3) as [string, string]));
  return {
    code: match[1]!,
    sentence: match[2]!,
    other,
    text: [match[2]!, ...otherLines].join('\n'),
    details: match[4] === undefined ? undefined : (JSON.parse(match[4]) as Record<string, unknown>),
  };
}
