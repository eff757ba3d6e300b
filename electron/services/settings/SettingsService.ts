import { AppSettings, DEFAULT_SETTINGS } from '../../../schemas/settings';
import { AppError } from '../../../schemas/errors';
import { serverUrlProblem } from '../../../schemas/serverUrl';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { getMeta, setMeta } from '../db/repos/meta';
import { createLogger } from '../log/createLogger';

const KEY = 'app.settings';
const log = createLogger('settings');

/** Which top-level or device settings differ, by dotted path, for the audit entry. */
function changedPaths(before: AppSettings, after: AppSettings): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    } else if (a !== b) {
      out.push(path);
    }
  };
  walk(before, after, '');
  return out;
}

/**
 * The machine's settings, stored in the encrypted database and validated on the way in and out;
 * a stored value this version cannot read falls back to the defaults and says so in the log.
 */
export class SettingsService {
  readonly #db: DB;
  readonly #audit: AuditLog;
  readonly #listeners = new Set<(settings: AppSettings) => void>();

  constructor(deps: { db: DB; audit: AuditLog }) {
    this.#db = deps.db;
    this.#audit = deps.audit;
  }

  get(): AppSettings {
    const raw = getMeta(this.#db, KEY);
    if (raw === undefined) return DEFAULT_SETTINGS;
    const parsed = AppSettings.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    log.warn('stored settings are not readable; using defaults', { issues: parsed.error.issues.length });
    return DEFAULT_SETTINGS;
  }

  /**
   * Replaces the settings (shape validated by the Router); audits which values changed.
   * @throws AppError ERR_SYNC_SERVER_URL_INSECURE (http to a host other than loopback)
   */
  update(next: AppSettings, actor: string): AppSettings {
    // Checked here rather than in the AppSettings schema: a stored value from before this rule
    // must not make every other setting unreadable (get() falls back to defaults on a parse error).
    const problem = next.serverUrl === null ? undefined : serverUrlProblem(next.serverUrl);
    if (problem) throw new AppError('ERR_SYNC_SERVER_URL_INSECURE', { field: 'serverUrl', url: next.serverUrl!, rule: problem });
    const before = this.get();
    const changed = changedPaths(before, next);
    if (changed.length === 0) return before;
    this.#db.transaction(() => {
      setMeta(this.#db, KEY, JSON.stringify(next));
      // Paths and values only: settings hold no personal data.
      this.#audit.append('SETTINGS_CHANGED', actor, { changed, before: pick(before, changed), after: pick(next, changed) });
    })();
    for (const listener of this.#listeners) listener(next);
    return next;
  }

  /** How many listeners are subscribed (a closed app leaves none). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Called after each change (the device service re-reads its ports and thresholds). */
  onDidChange(listener: (settings: AppSettings) => void): { dispose(): void } {
    this.#listeners.add(listener);
    return { dispose: () => void this.#listeners.delete(listener) };
  }
}

function pick(settings: AppSettings, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) out[path] = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], settings);
  return out;
}
