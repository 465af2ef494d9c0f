/**
 * A private Courier-IMAP 5.0 on loopback, configured as Debian ships it (IDLE polls every
 * 60 s, IMAP_ENHANCEDIDLE=0). Courier's authlib has its configuration (/etc/courier) and
 * its socket (/run/courier/authdaemon) compiled in, so the instance runs in its own mount
 * namespace with private folders bound over both. Users live in a private userdb; mail
 * is delivered by writing into the user's Maildir, as a local delivery agent does.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { HOST, freePort, type MailOwner } from './mailworld-dovecot';
import { startDaemon, type Daemon } from './mailworld-daemon';
import type { ServerBinaries } from './mailworld-debs';

const run = promisify(execFile);

/** A running Courier. */
export interface RunningCourier extends Daemon {
  imapPort: number;
}

/** /etc/courier/imapd as Debian ships it, minus TLS and logging. */
const IMAPD_ENV: Record<string, string> = {
  IMAP_CAPABILITY: 'IMAP4rev1 UIDPLUS CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES SORT QUOTA IDLE',
  IMAP_KEYWORDS: '1',
  IMAP_ACL: '1',
  IMAP_IDLE_TIMEOUT: '60',
  IMAP_ENHANCEDIDLE: '0',
  IMAP_MAILBOX_SANITY_CHECK: '1',
  IMAP_TRASHFOLDERNAME: 'Trash',
  IMAP_EMPTYTRASH: 'Trash:7',
  IMAP_USELOCKS: '1',
  IMAP_UMASK: '022',
  IMAP_MOVE_EXPUNGE_TO_TRASH: '0',
  HEADERFROM: 'X-IMAP-Sender',
};

function startScript(dir: string, bin: ServerBinaries, imapPort: number): string {
  return `set -e
mount --bind "${dir}/etc" /etc/courier
mount --bind "${dir}/run" /run/courier
/usr/lib/courier/courier-authlib/authdaemond &
while [ ! -S /run/courier/authdaemon/socket ]; do sleep 0.05; done
exec couriertcpd -address=${HOST} -nodnslookup -noidentlookup -maxprocs=200 -maxperip=200 ${imapPort} \\
  "${bin.courierLogin}" "${bin.courierImapd}" Maildir
`;
}

/** Writes the private authlib configuration under `dir` and starts couriertcpd. */
export async function startCourier(bin: ServerBinaries, dir: string): Promise<RunningCourier> {
  for (const sub of ['etc', 'run/authdaemon', 'mail']) await mkdir(path.join(dir, sub), { recursive: true });
  await writeFile(
    path.join(dir, 'etc/authdaemonrc'),
    'authmodulelist="authuserdb"\ndaemons=2\nauthdaemonvar=/run/courier/authdaemon\nDEBUG_LOGIN=0\n',
  );
  await writeFile(path.join(dir, 'etc/userdb'), '', { mode: 0o600 });
  await run('makeuserdb', ['-f', path.join(dir, 'etc/userdb')]);
  const imapPort = await freePort();
  await writeFile(path.join(dir, 'start.sh'), startScript(dir, bin, imapPort));
  // /etc/courier and /run/courier must exist to be mount points (courier-authlib makes them).
  await mkdir('/run/courier', { recursive: true });
  const daemon = await startDaemon({
    name: 'courier',
    dir,
    command: 'unshare',
    args: ['--mount', '--propagation', 'private', 'sh', path.join(dir, 'start.sh')],
    env: IMAPD_ENV,
    imapPort,
  });
  return { ...daemon, imapPort };
}

/** The user's Maildir under the world. */
export const courierMaildir = (dir: string, address: string): string => path.join(dir, 'mail', address, 'Maildir');

/** Adds a userdb entry with a SHA-512 crypt password and makes the user's Maildir. */
export async function createCourierUser(
  world: { dir: string; owner: MailOwner },
  address: string,
  password: string,
): Promise<void> {
  const maildir = courierMaildir(world.dir, address);
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(path.join(maildir, sub), { recursive: true });
  await run('chown', ['-R', `${world.owner.uid}:${world.owner.gid}`, path.dirname(maildir)]);
  const crypt = await sha512Crypt(password);
  const home = path.dirname(maildir);
  const line = `${address}\tuid=${world.owner.uid}|gid=${world.owner.gid}|home=${home}|mail=${maildir}|systempw=${crypt}\n`;
  const userdb = path.join(world.dir, 'etc/userdb');
  await run('flock', [`${userdb}.append-lock`, 'sh', '-c', 'printf %s "$LINE" >> "$DB" && makeuserdb -f "$DB"'], {
    env: { ...process.env, LINE: line, DB: userdb },
  });
}

async function sha512Crypt(password: string): Promise<string> {
  const { stdout } = await run('sh', ['-c', 'printf %s "$PW" | openssl passwd -6 -stdin'], {
    env: { ...process.env, PW: password },
  });
  return stdout.trim();
}

/**
 * Delivers like a local delivery agent: the message with Unix line endings (as maildir
 * files hold them) into tmp/, then renamed into new/ (maildir(5)).
 */
export async function courierDeliver(world: { dir: string; owner: MailOwner }, to: string, raw: Buffer): Promise<void> {
  const maildir = courierMaildir(world.dir, to);
  const name = `${Date.now()}.${process.pid}_${randomBytes(6).toString('hex')}.promptly`;
  const tmp = path.join(maildir, 'tmp', name);
  await writeFile(tmp, Buffer.from(raw.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'));
  await chmod(tmp, 0o600);
  await chown(tmp, world.owner.uid, world.owner.gid);
  await rename(tmp, path.join(maildir, 'new', name));
}
