/**
 * A server process of an interop world (Cyrus's master, Courier's couriertcpd) run in the
 * foreground in its own process group, so stopping it takes its children down too.
 */
import { spawn } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { waitForGreeting } from './mailworld-dovecot';

/** A running daemon and how to stop it. */
export interface Daemon {
  /** Synchronous SIGTERM to the group, usable inside an 'exit' handler. */
  kill: () => void;
  stop: () => Promise<void>;
}

/**
 * Starts `command args` with stdout and stderr in `<dir>/<name>.log` and waits until
 * `imapPort` greets. On failure the error carries the log's tail.
 */
export async function startDaemon(o: {
  name: string;
  dir: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  imapPort: number;
}): Promise<Daemon> {
  const logFile = path.join(o.dir, `${o.name}.log`);
  const log = await open(logFile, 'a');
  const child = spawn(o.command, o.args, {
    stdio: ['ignore', log.fd, log.fd],
    env: { ...process.env, ...o.env },
    detached: true,
  });
  await log.close();
  child.unref();
  let exited = false;
  const gone = new Promise<void>((resolve) => {
    child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
  void gone.then(() => {
    exited = true;
  });
  const signal = (sig: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  const kill = (): void => signal('SIGTERM');
  const stop = async (): Promise<void> => {
    kill();
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  };
  try {
    await waitForGreeting(o.imapPort, 10_000, () => !exited);
  } catch (err) {
    await stop();
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-30).join('\n');
    throw new Error(`${o.name} did not start: ${err instanceof Error ? err.message : String(err)}\n${tail}`);
  }
  return { kill, stop };
}
