/**
 * A named logger (STYLE rule 24). Lines carry ids and codes, never personal data, keys or
 * biometrics. Output goes to stderr so command output on stdout stays machine-readable.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

let quiet = process.env.REGCLIENT_LOG === 'silent';

/** Tests and the CLI's --json mode silence logs. */
export function setLogQuiet(value: boolean): void {
  quiet = value;
}

export function createLogger(name: string): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (quiet) return;
    const extra = fields ? ` ${JSON.stringify(fields)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level} [${name}] ${message}${extra}\n`);
  };
  return {
    info: (m, f) => write('INFO', m, f),
    warn: (m, f) => write('WARN', m, f),
    error: (m, f) => write('ERROR', m, f),
  };
}

/** The stack and every `cause`, for logs. */
export function toLogFormat(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\nCaused by: ');
}
