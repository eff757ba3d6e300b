const SECRETS = 'org.freedesktop.secrets';

/**
 * Whether a Secret Service (GNOME Keyring, KWallet) owns, or can be started for, its name on the
 * session D-Bus. The keyring library cannot say this itself: with no reachable Secret Service it
 * keeps entries only in the kernel's session keyring and reports success, and a data dir key kept
 * there is gone at the next logout. Asked with `dbus-send` (dbus-bin), which every desktop has.
 */
export function secretServiceOnBus(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.DBUS_SESSION_BUS_ADDRESS) return false;
  return busAnswers(env, 'NameHasOwner', `string:${SECRETS}`, /boolean true/) || busAnswers(env, 'ListActivatableNames', undefined, new RegExp(`"${SECRETS.replaceAll('.', '\\.')}"`));
}

function busAnswers(env: NodeJS.ProcessEnv, method: string, arg: string | undefined, expected: RegExp): boolean {
  try {
    // loaded at first use: child_process and its dependencies are ~10 ms of every CLI command's start
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    const reply = execFileSync('dbus-send', ['--session', '--print-reply', '--reply-timeout=2000', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', `org.freedesktop.DBus.${method}`, ...(arg ? [arg] : [])], {
      env,
      encoding: 'utf8',
      timeout: 3000,
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1024 * 1024,
    });
    return expected.test(reply);
  } catch {
    return false;
  }
}
