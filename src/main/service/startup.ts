import { openDb } from '../store/db';
import { databaseFile } from '../paths';
import { PromptlyService } from './service';
import type { ServiceDeps } from './types';

/**
 * The service for the app window (desktop or browser preview) over the person's own data
 * folder. With no mailbox saved it starts in setup mode and the window shows the welcome
 * screen; the demo opens only when asked. Call `startApp()` on the result once the window's
 * transport listens: a saved mailbox then goes live at once.
 */
export function openAppService(deps: Omit<ServiceDeps, 'db' | 'demo'> & { dataDir: string }): PromptlyService {
  return new PromptlyService({ ...deps, db: openDb(databaseFile(deps.dataDir)) });
}
