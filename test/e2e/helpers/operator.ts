import type { Locator, Page } from 'playwright-core';

/** One timed step of an operator's walk: the actions it took and how long until the screen was ready. */
export interface Step {
  readonly what: string;
  readonly ms: number;
  readonly actions: number;
}

/**
 * The operator at the keyboard and mouse, as the e2e walk and the flow bench share it: every click,
 * shortcut or file chosen is an action; typing or choosing a value is not (its count is reported
 * apart). Each step is timed from its first action until `ready` is visible, so a test and the
 * bench print the same figures for the same path.
 */
export class Operator {
  readonly steps: Step[] = [];
  values = 0;
  #actions = 0;

  constructor(readonly page: Page, private readonly log: (line: string) => void = () => undefined) {}

  async click(target: Locator): Promise<void> {
    this.#actions++;
    await target.click();
  }

  async check(target: Locator): Promise<void> {
    this.#actions++;
    await target.check();
  }

  async press(key: string, target?: Locator): Promise<void> {
    this.#actions++;
    await (target ? target.press(key) : this.page.keyboard.press(key));
  }

  async type(target: Locator, value: string): Promise<void> {
    this.values++;
    await target.fill(value);
  }

  /** a value picked from a list (a dropdown, the header's language menu); focus moves there first, as it does for a person */
  async choose(target: Locator, value: string): Promise<void> {
    this.values++;
    await target.focus();
    await target.selectOption(value);
  }

  /** a file picked in the file chooser: one action */
  async attach(selector: string, file: Readonly<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
    this.#actions++;
    await this.page.setInputFiles(selector, { ...file });
  }

  async step(what: string, body: () => Promise<void>, ready: Locator): Promise<void> {
    this.#actions = 0;
    const started = performance.now();
    await body();
    await ready.waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    this.steps.push({ what, ms, actions: this.#actions });
    this.log(`${what.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(6)} s   ${this.#actions} action${this.#actions === 1 ? '' : 's'}`);
  }

  /** the UI time of every step */
  get totalMs(): number {
    return this.steps.reduce((n, s) => n + s.ms, 0);
  }

  get totalActions(): number {
    return this.steps.reduce((n, s) => n + s.actions, 0);
  }
}
