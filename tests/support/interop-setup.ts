import 'vitest';
import type { TestProject } from 'vitest/node';
import { INTEROP_SERVERS, startServerWorld, type ServerName, type ServerWorldInfo } from './mailworld-servers';

declare module 'vitest' {
  export interface ProvidedContext {
    interopWorlds: Partial<Record<ServerName, ServerWorldInfo>>;
  }
}

/**
 * Starts every server of the interop matrix (or those named in INTEROP_SERVERS, comma
 * separated) once for the whole run; each test makes its own mailboxes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const wanted = (process.env.INTEROP_SERVERS ?? '').split(',').filter(Boolean);
  const servers = INTEROP_SERVERS.filter((s) => wanted.length === 0 || wanted.includes(s));
  const started = await Promise.allSettled(servers.map((s) => startServerWorld(s)));
  const stops = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value.stop] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(stops.map((stop) => stop()));
    throw failed.reason;
  }
  const worlds: Partial<Record<ServerName, ServerWorldInfo>> = {};
  for (const r of started) if (r.status === 'fulfilled') worlds[r.value.info.server] = r.value.info;
  project.provide('interopWorlds', worlds);
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
