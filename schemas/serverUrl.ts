/**
 * The MOSIP server address rule: https, except on this machine's loopback (127.0.0.0/8, ::1,
 * localhost), where the simulator and a local proxy run. Over plain http to another host the
 * operator's password, the auth tokens and every packet's metadata would cross the network in
 * clear. Pure (WHATWG URL only), so settings, the CLI and tests share one rule.
 */

/** Why an address is refused, or `undefined` when it is acceptable. */
export type ServerUrlProblem = 'not-a-url' | 'not-http' | 'plain-http-to-remote-host';

/** True for 127.0.0.0/8, ::1 and localhost, as the WHATWG URL parser normalises them (`127.1`, `[::1]`, `LOCALHOST`). */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

export function serverUrlProblem(url: string): ServerUrlProblem | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not-a-url';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol !== 'http:') return 'not-http';
  return isLoopbackHost(parsed.hostname) ? undefined : 'plain-http-to-remote-host';
}
