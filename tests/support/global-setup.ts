import 'vitest';
import type { TestProject } from 'vitest/node';
import { startMailWorld, type MailWorldInfo } from './mailworld';

declare module 'vitest' {
  export interface ProvidedContext {
    mailWorld: MailWorldInfo;
  }
}

/** Starts one Dovecot + SMTP relay for the whole run; each test makes its own mailboxes. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const world = await startMailWorld();
  project.provide('mailWorld', world.info);
  return () => world.stop();
}
