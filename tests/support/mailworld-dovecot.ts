/**
 * The Dovecot half of the mail world: writes a private configuration, starts the daemon on
 * free loopback ports and stops it again. Used by ./mailworld.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { open, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { MailBinaries } from './ensure-packages';

/** Every server of the mail world listens on this address only. */
export const HOST = '127.0.0.1';

/** Who runs Dovecot's processes and owns the mail. */
export interface MailOwner {
  uid: number;
  gid: number;
  loginUser: string;
  internalUser: string;
  internalGroup: string;
}

/** imap-login refuses to run as root, so root hands everything to Debian's Dovecot users. */
export function mailOwner(): MailOwner {
  const id = (...args: string[]): string => execFileSync('id', args, { encoding: 'utf8' }).trim();
  const { uid, gid, username } = os.userInfo();
  if (uid !== 0) return { uid, gid, loginUser: username, internalUser: username, internalGroup: id('-gn') };
  const [dovecotUid, dovecotGid] = [Number(id('-u', 'dovecot')), Number(id('-g', 'dovecot'))];
  return { uid: dovecotUid, gid: dovecotGid, loginUser: 'dovenull', internalUser: 'dovecot', internalGroup: 'dovecot' };
}

/** A running Dovecot master and how to stop it. */
export interface RunningDovecot {
  imapPort: number;
  lmtpPort: number;
  /** Synchronous SIGTERM to the master, usable inside an 'exit' handler. */
  kill: () => void;
  stop: () => Promise<void>;
}

/**
 * Starts Dovecot with its config, state, logs and mail under `dir`, waiting until IMAP greets.
 * On failure the error carries Dovecot's stderr and the tail of dovecot.log.
 */
export async function startDovecot(
  bin: MailBinaries,
  dir: string,
  owner: MailOwner,
  /** Rewrites the generated configuration (e.g. to add an OAuth2 passdb). */
  adjust: (config: string) => string = (config) => config,
): Promise<RunningDovecot> {
  const configFile = path.join(dir, 'dovecot.conf');
  let lastError = '';
  // A free port is found by binding port 0 and closing it, so another process may take it
  // before Dovecot binds. That is rare, and a fresh pair of ports fixes it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [imapPort, lmtpPort] = [await freePort(), await freePort()];
    await writeFile(configFile, adjust(dovecotConfig({ dir, owner, imapPort, lmtpPort })));
    const master = await launchMaster(bin, configFile, dir);
    try {
      await waitForGreeting(imapPort, 5000, () => master.exitCode === undefined);
    } catch (err) {
      await master.stop();
      lastError = `${errorText(err)}\n${await readFile(master.stderrFile, 'utf8').catch(() => '')}`;
      if (/address already in use/i.test(lastError)) continue;
      throw new Error(`Dovecot did not start: ${lastError}\n${await logTail(dir)}`);
    }
    return { imapPort, lmtpPort, kill: master.kill, stop: master.stop };
  }
  throw new Error(`Dovecot found no free ports: ${lastError}\n${await logTail(dir)}`);
}

interface Master {
  stderrFile: string;
  /** undefined while running. */
  readonly exitCode: number | null | undefined;
  kill: () => void;
  stop: () => Promise<void>;
}

/**
 * Runs `dovecot -F -c FILE`. In the foreground the master is our own child: we know its pid at
 * once (a daemon writes master.pid only after its starter exits) and see when it is gone
 * (a daemon's zombie lingers until init reaps it). unref() lets a test process exit anyway.
 */
async function launchMaster(bin: MailBinaries, configFile: string, dir: string): Promise<Master> {
  const stderrFile = path.join(dir, 'dovecot.stderr');
  const stderr = await open(stderrFile, 'w');
  const child = spawn(bin.dovecot, ['-F', '-c', configFile], { stdio: ['ignore', 'ignore', stderr.fd] });
  await stderr.close(); // the child holds its own copy
  child.unref();
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => {
    const gone = (code: number | null): void => {
      exitCode = code;
      resolve();
    };
    child.once('error', () => gone(null)); // e.g. the binary vanished
    child.once('exit', gone);
  });
  const kill = (): void => {
    child.kill('SIGTERM');
  };
  const stop = async (): Promise<void> => {
    kill(); // the master takes its children down, which takes it about a second
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return {
    stderrFile,
    kill,
    stop,
    get exitCode() {
      return exitCode;
    },
  };
}

function dovecotConfig(o: { dir: string; owner: MailOwner; imapPort: number; lmtpPort: number }): string {
  const specialUse = (name: string): string =>
    `  mailbox ${name} {\n    special_use = \\${name}\n    auto = subscribe\n  }`;
  const passwdFiles = `${o.dir}/users/%u`;
  return `# Written by tests/support/mailworld.ts
protocols = imap lmtp
listen = ${HOST}
base_dir = ${o.dir}/run
state_dir = ${o.dir}/state
log_path = ${o.dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
# Failed-login tests must not slow the next test down (Dovecot auth penalty per IP).
login_trusted_networks = 127.0.0.0/8
auth_failure_delay = 0
auth_mechanisms = plain login
auth_verbose = yes
default_login_user = ${o.owner.loginUser}
default_internal_user = ${o.owner.internalUser}
default_internal_group = ${o.owner.internalGroup}
# LMTP refuses to deliver as a uid below this, and Debian's dovecot user is a system uid.
first_valid_uid = ${Math.min(100, o.owner.uid)}
mail_location = maildir:~/Maildir
# Tests open several sessions per user from one IP (two engines, IDLE plus fetch).
mail_max_userip_connections = 200
# Push changes to IDLE clients within about a second instead of the default half minute.
imap_idle_notify_interval = 1 secs
mailbox_idle_check_interval = 1 secs
postmaster_address = postmaster@promptly.test
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwdFiles}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${passwdFiles}
}
namespace inbox {
  inbox = yes
${['Sent', 'Drafts', 'Trash'].map(specialUse).join('\n')}
}
service imap-login {
  chroot =
  inet_listener imap {
    address = ${HOST}
    port = ${o.imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  # No brute-force penalty: wrong-password tests must not slow the next login down.
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = ${HOST}
    port = ${o.lmtpPort}
  }
}
`;
}

/** A port on loopback that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, HOST, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once the IMAP port answers with an untagged OK greeting; fails early if Dovecot died. */
export async function waitForGreeting(port: number, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const greeting = await readGreeting(port).catch((err: unknown) => errorText(err));
    if (greeting.startsWith('* OK')) return;
    if (!alive()) throw new Error('dovecot exited');
    if (Date.now() > deadline) throw new Error(`no greeting on port ${port} (last: ${greeting.trim()})`);
    await sleep(20);
  }
}

function readGreeting(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, HOST);
    socket.setTimeout(1000, () => socket.destroy(new Error('timeout')));
    socket.once('data', (data) => {
      socket.end('a LOGOUT\r\n');
      resolve(data.toString('latin1'));
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('closed without greeting')));
  });
}

async function logTail(dir: string, lines = 30): Promise<string> {
  const log = await readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '(no dovecot.log)');
  return `--- dovecot.log (tail) ---\n${log.trimEnd().split('\n').slice(-lines).join('\n')}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
