import 'vitest';
import type { TestProject } from 'vitest/node';
import { ensureDnsmasq } from './ensure-packages';
import { startMailWorld, type MailWorldInfo } from './mailworld';

declare module 'vitest' {
  export interface ProvidedContext {
    mailWorld: MailWorldInfo;
  }
}

/**
 * Starts one Dovecot + SMTP relay for the whole run; each test makes its own mailboxes.
 * Installs dnsmasq here too, once, so that test files starting their own DNS servers in
 * parallel never run apt at the same time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureDnsmasq();
  const world = await startMailWorld();
  project.provide('mailWorld', world.info);
  return () => world.stop();
}
