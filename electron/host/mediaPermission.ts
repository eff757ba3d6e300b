/**
 * Which permission requests the Electron shell grants: only the camera (video, never audio) for
 * the app's own origin, for document scanning. Everything else (microphone, screen capture,
 * notifications, geolocation, another origin, a sub-frame) is refused. Plain data in, a boolean
 * out, so it is tested without Electron; `electron/shell/secureWindow.ts` wires it.
 */
export interface MediaPermissionRequest {
  /** Electron's permission name, e.g. 'media', 'notifications' */
  readonly permission: string;
  /** the requesting frame's URL or origin (Electron's `requestingUrl` / `securityOrigin`) */
  readonly origin: string;
  readonly isMainFrame: boolean;
  /** what a 'media' request asks for; an empty or missing list is treated as asking for everything */
  readonly mediaTypes?: readonly string[];
}

/** True when `request` is a camera-only request from `appOrigin`'s main frame. */
export function isCameraRequestAllowed(request: MediaPermissionRequest, appOrigin: string): boolean {
  if (request.permission !== 'media' || !request.isMainFrame) return false;
  if (!isSameOrigin(request.origin, appOrigin)) return false;
  const types = request.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

/**
 * Permission checks (no prompt: `enumerateDevices` labels, `navigator.clipboard.writeText` for the
 * RID) pass for the app's own origin, as they did before any check handler was set, and fail for any
 * other. Checks never open the camera or microphone: a stream is always a request, decided above.
 */
export function isPermissionCheckAllowed(origin: string, appOrigin: string): boolean {
  return isSameOrigin(origin, appOrigin);
}

/**
 * Compares scheme, host and port exactly, not by prefix: app://regclient.evil is another origin.
 * Not `URL#origin`: WHATWG URL gives "null" for every non-special scheme such as app://.
 */
function isSameOrigin(url: string, appOrigin: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appOrigin);
    return a.protocol === b.protocol && a.host === b.host && a.host !== '';
  } catch {
    return false; // not a URL at all: not our origin
  }
}
