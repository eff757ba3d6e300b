import { PassThrough } from 'node:stream';
import { runCliWithEnv } from '../../helpers/runCliInProcess';

/**
 * A stdin that says it is a terminal, records every raw-mode switch (the echo state) and types the
 * next answer each time the reader turns raw mode on (a person types once echo is off). Answers end
 * with '\r', the byte a terminal in raw mode sends for Enter.
 */
export class FakeTerminal extends PassThrough {
  readonly isTTY = true;
  isRaw = false;
  readonly rawModes: boolean[] = [];
  #next = 0;
  constructor(private readonly answers: readonly string[]) {
    super();
  }
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    this.rawModes.push(mode);
    // no answer left: the operator walks away (end of input) rather than the test hanging
    if (mode) this.write(this.answers[this.#next++] ?? '\u0004');
    return this;
  }
}

/** Runs `regclient argv` in process on a fake terminal that types `answers`, one per prompt. */
export async function runOnTerminal(argv: readonly string[], env: NodeJS.ProcessEnv, answers: readonly string[]) {
  const stdin = new FakeTerminal(answers);
  const run = await runCliWithEnv(argv, env, stdin);
  return { ...run, prompts: run.err.match(/Password for [^:]*: /g)?.length ?? 0, rawModes: stdin.rawModes };
}
