import type { App, Protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './appProtocol';
import { appUserModelId, passwordStoreSwitch } from './platform';
import { secretServiceOnBus } from './secretService';

/** What start-up reads from the process; the real process unless a test passes its own. */
export interface StartupEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  argv: readonly string[];
  secretServiceOnBus: () => boolean;
}

/**
 * What must happen before anything else, while the app is not ready yet: the Windows
 * AppUserModelID first (toasts and taskbar grouping use it from the first window on), then
 * the Linux keychain switch (Chromium reads it once, when it starts its keychain), then the
 * app:// scheme's privileges (only possible before ready).
 */
export function prepareApp(
  app: Pick<App, 'setAppUserModelId' | 'commandLine'>,
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>,
  environment: StartupEnvironment = {
    platform: process.platform,
    env: process.env,
    argv: process.argv,
    secretServiceOnBus: () => secretServiceOnBus(),
  },
): void {
  const id = appUserModelId(environment.platform);
  if (id !== null) app.setAppUserModelId(id);
  const store = passwordStoreSwitch(
    environment.platform,
    environment.env,
    environment.argv,
    environment.secretServiceOnBus,
  );
  if (store !== null) app.commandLine.appendSwitch('password-store', store);
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}
