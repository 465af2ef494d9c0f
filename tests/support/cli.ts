import { runCli } from '../../src/main/cli/cli';
import type { AccountInput } from '../../src/shared/schemas';
import { tempDir } from './tempDir';

/** Runs the CLI in-process and collects what it printed. */
export async function cli(
  args: string[],
  env: Record<string, string> = {},
  stopped?: Promise<void>,
  out: string[] = [],
): Promise<{ code: number; out: string; err: string }> {
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { ...env },
    now: () => Date.now(),
    stopped,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `account set` flags for an account (the password is read from the env variable PW). */
export function accountFlags(a: AccountInput): string[] {
  return [
    '--imap-host',
    a.imap.host,
    '--imap-port',
    String(a.imap.port),
    '--imap-tls',
    a.imap.tls,
    '--smtp-host',
    a.smtp.host,
    '--smtp-port',
    String(a.smtp.port),
    '--smtp-tls',
    a.smtp.tls,
    '--user',
    a.user,
    '--address',
    a.address,
    '--password-env',
    'PW',
  ];
}

/** A fresh data directory with this account saved through the CLI. */
export async function cliWithAccount(a: AccountInput, label = 'cli'): Promise<string> {
  const dir = tempDir(label);
  const saved = await cli(['--data-dir', dir, 'account', 'set', ...accountFlags(a)], { PW: a.password });
  if (saved.code !== 0) throw new Error(`account set failed: ${saved.err}`);
  return dir;
}
