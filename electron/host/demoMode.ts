import { AppError } from '../../schemas/errors';

/** What decides whether a start runs the demo. */
export interface DemoModeInput {
  /** `--demo` was given */
  readonly demoFlag: boolean;
  /** Electron's `app.isPackaged`: an installed, production build */
  readonly isPackaged: boolean;
  /** `--data-dir` or REGCLIENT_DATA_DIR names a data folder */
  readonly dataDirGiven: boolean;
  /** `npm start` shows the demo when no data folder is named (the README's first command) */
  readonly impliedWithoutDataDir: boolean;
}

/**
 * Whether this start seeds the demo identity and the demo operators, whose passwords are printed
 * in the README. Never in a packaged build (anyone could log in to a production machine with
 * them), so `--demo` there refuses the start. A named data folder may hold real registrations:
 * it gets the demo only when `--demo` asks for it.
 * @throws AppError ERR_CONFIG_DEMO_IN_PRODUCTION for `--demo` in a packaged build
 */
export function demoMode(o: DemoModeInput): boolean {
  if (o.isPackaged) {
    if (o.demoFlag) throw new AppError('ERR_CONFIG_DEMO_IN_PRODUCTION', { field: '--demo', rule: 'not-in-packaged-build' });
    return false;
  }
  return o.demoFlag || (o.impliedWithoutDataDir && !o.dataDirGiven);
}
