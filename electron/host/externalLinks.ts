/**
 * Origins the desktop app may hand to the system browser. The UI links nowhere today, so the list
 * is empty and every window.open is simply denied; a help site added later goes here, by exact
 * origin, never by prefix (an `https://` prefix let any page the UI could be tricked into opening
 * launch the system browser: Electron security checklist, "do not use openExternal with untrusted content").
 */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = [];

export function isExternalLinkAllowed(url: string, allowed: readonly string[] = EXTERNAL_LINK_ORIGINS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && allowed.includes(parsed.origin);
}
