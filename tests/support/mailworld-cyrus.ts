/**
 * A private Cyrus IMAP 3.6 on loopback: its own imapd.conf and cyrus.conf, SASL users in a
 * private sasldb, virtual domains (so `support-x@promptly.test` is a login), INBOX and its
 * special-use folders created at first login, and LMTP delivery on a loopback port.
 */
import { execFile } from 'node:child_process';
import { chown, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { HOST, freePort, type MailOwner } from './mailworld-dovecot';
import { startDaemon, type Daemon } from './mailworld-daemon';
import type { ServerBinaries } from './mailworld-debs';

const run = promisify(execFile);

/** A running Cyrus. */
export interface RunningCyrus extends Daemon {
  imapPort: number;
  lmtpPort: number;
}

function imapdConf(dir: string, owner: MailOwner): string {
  return `# Written by tests/support/mailworld-cyrus.ts
configdirectory: ${dir}/conf
partition-default: ${dir}/spool
defaultpartition: default
sievedir: ${dir}/sieve
proc_path: ${dir}/run/proc
mboxname_lockpath: ${dir}/run/lock
lmtpsocket: ${dir}/run/socket/lmtp
idlesocket: ${dir}/run/socket/idle
notifysocket: ${dir}/run/socket/notify
altnamespace: no
unixhierarchysep: no
virtdomains: userid
defaultdomain: localhost
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: ${dir}/sasldb2
sasl_mech_list: PLAIN LOGIN
autocreate_quota: 0
autocreate_inbox_folders: Sent|Drafts|Trash
xlist-Sent: Sent
xlist-Drafts: Drafts
xlist-Trash: Trash
lmtp_downcase_rcpt: yes
cyrus_user: ${owner.internalUser}
cyrus_group: ${owner.internalGroup}
syslog_prefix: promptly-cyrus
`;
}

function cyrusConf(dir: string, bin: string, imapPort: number, lmtpPort: number): string {
  const conf = `-C ${dir}/imapd.conf`;
  return `# Written by tests/support/mailworld-cyrus.ts
START {
  recover cmd="${bin}/ctl_cyrusdb -r ${conf}"
}
DAEMON {
  idled cmd="${bin}/idled ${conf}"
}
SERVICES {
  imap cmd="${bin}/imapd ${conf}" listen="${HOST}:${imapPort}" prefork=0
  lmtp cmd="${bin}/lmtpd -a ${conf}" listen="${HOST}:${lmtpPort}" prefork=0
}
EVENTS {
}
`;
}

/** Writes the configuration under `dir` and starts Cyrus's master in the foreground. */
export async function startCyrus(bin: ServerBinaries, dir: string, owner: MailOwner): Promise<RunningCyrus> {
  // conf/socket: imapd binds its own socket there for idled's notifications.
  for (const sub of ['conf/socket', 'spool', 'sieve', 'run/proc', 'run/lock', 'run/socket'])
    await mkdir(path.join(dir, sub), { recursive: true });
  await writeFile(path.join(dir, 'imapd.conf'), imapdConf(dir, owner));
  await run('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
  const [imapPort, lmtpPort] = [await freePort(), await freePort()];
  await writeFile(path.join(dir, 'cyrus.conf'), cyrusConf(dir, bin.cyrusBin, imapPort, lmtpPort));
  const daemon = await startDaemon({
    name: 'cyrus',
    dir,
    command: path.join(bin.cyrusBin, 'master'),
    args: ['-D', '-C', path.join(dir, 'imapd.conf'), '-M', path.join(dir, 'cyrus.conf'), '-p', `${dir}/run/master.pid`],
    env: { LD_LIBRARY_PATH: bin.libDir },
    imapPort,
  });
  return { ...daemon, imapPort, lmtpPort };
}

/**
 * Adds a SASL user (the realm is the address's domain, as virtdomains expects) and logs in
 * once, which makes Cyrus create INBOX, Sent, Drafts and Trash, so LMTP can deliver at once.
 */
export async function createCyrusUser(
  world: { dir: string; imapPort: number; owner: { uid: number; gid: number } },
  address: string,
  password: string,
): Promise<void> {
  const [local, domain] = address.split('@') as [string, string];
  const sasldb = path.join(world.dir, 'sasldb2');
  // flock: test workers add users in parallel, and sasldb is one Berkeley DB file.
  await run(
    'flock',
    [`${sasldb}.lock`, 'sh', '-c', `printf %s "$PW" | saslpasswd2 -p -c -f "$DB" -u "$REALM" "$NAME"`],
    { env: { ...process.env, PW: password, DB: sasldb, REALM: domain, NAME: local } },
  );
  await chown(sasldb, world.owner.uid, world.owner.gid);
  const client = new ImapFlow({
    host: HOST,
    port: world.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: address, pass: password },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  await client.logout();
}
