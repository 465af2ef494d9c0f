import { spawnSync } from 'node:child_process';

/** The well-known bus name of a Secret Service (GNOME Keyring, KeePassXC, KWallet 6, …). */
export const SECRET_SERVICE_NAME = 'org.freedesktop.secrets';

/** Runs a program and returns its standard output, or null when it failed or is missing. */
export type RunProgram = (file: string, args: string[]) => string | null;

const runSync: RunProgram = (file, args) => {
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 1500 });
  return result.status === 0 ? result.stdout : null;
};

/** Whether a `dbus-send --print-reply` list of names holds the Secret Service. */
export function namesIncludeSecretService(reply: string): boolean {
  return reply.includes(`"${SECRET_SERVICE_NAME}"`);
}

/**
 * Whether a Secret Service is on the session bus, running or startable on demand (D-Bus
 * activation). Asked with `dbus-send`, which every desktop with D-Bus has; false when
 * there is no session bus or no dbus-send.
 */
export function secretServiceOnBus(run: RunProgram = runSync): boolean {
  return ['ListNames', 'ListActivatableNames'].some((method) => {
    const reply = run('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      `org.freedesktop.DBus.${method}`,
    ]);
    return reply !== null && namesIncludeSecretService(reply);
  });
}
