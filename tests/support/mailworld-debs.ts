/**
 * Cyrus IMAP and Courier-IMAP for the interop worlds. Their Debian packages conflict with
 * dovecot-imapd (`Conflicts: imap-server`), so they are fetched with `apt-get download` and
 * unpacked with `dpkg -x` into a cache folder; only the helpers that do not conflict
 * (SASL tools, Courier's authlib, the libraries the binaries link) are installed with apt.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { aptInstall, canAptInstall } from './ensure-packages';

const run = promisify(execFile);

/** Installed normally: none of them conflicts with Dovecot. */
const HELPER_PACKAGES = [
  'sasl2-bin',
  'libsasl2-modules',
  'courier-base',
  'courier-authlib',
  'courier-authlib-userdb',
  'libcourier-unicode4',
  'libical3',
  'libpcre3',
  'libxapian30',
];
/** Downloaded and unpacked only. */
const SERVER_PACKAGES = ['cyrus-common', 'cyrus-imapd', 'courier-imap'];

/** Where the unpacked servers live. */
export interface ServerBinaries {
  /** The `dpkg -x` root: usr/lib/cyrus/bin, usr/bin/imapd (Courier), ... */
  root: string;
  /** Cyrus's own shared libraries, for LD_LIBRARY_PATH. */
  libDir: string;
  cyrusBin: string;
  courierImapd: string;
  courierLogin: string;
}

/**
 * The cache folder (override with PROMPTLY_SERVER_CACHE). Not under root's home: that is
 * 0700, and the servers run their processes as an unprivileged user.
 */
export function serverCacheDir(): string {
  if (process.env.PROMPTLY_SERVER_CACHE) return process.env.PROMPTLY_SERVER_CACHE;
  return process.getuid?.() === 0
    ? '/var/cache/promptly-test-servers'
    : path.join(os.homedir(), '.cache', 'promptly-test-servers');
}

function binariesIn(root: string): ServerBinaries {
  return {
    root,
    libDir: path.join(root, 'usr/lib/x86_64-linux-gnu'),
    cyrusBin: path.join(root, 'usr/lib/cyrus/bin'),
    courierImapd: path.join(root, 'usr/bin/imapd'),
    courierLogin: path.join(root, 'usr/lib/courier/courier/imaplogin'),
  };
}

const complete = (b: ServerBinaries): boolean =>
  [path.join(b.cyrusBin, 'master'), b.courierImapd, b.courierLogin].every((f) => existsSync(f)) &&
  ['/usr/sbin/saslpasswd2', '/usr/sbin/couriertcpd', '/usr/sbin/makeuserdb'].every((f) => existsSync(f));

/**
 * Returns the unpacked Cyrus and Courier binaries, fetching and installing what is missing
 * (Debian, as root). Throws a sentence saying what to install anywhere else.
 */
export async function ensureServerBinaries(): Promise<ServerBinaries> {
  const root = path.join(serverCacheDir(), 'root');
  const found = binariesIn(root);
  if (complete(found)) return found;
  if (!canAptInstall())
    throw new Error(
      'The interop tests need Debian as root: they install sasl2-bin, courier-base, courier-authlib and ' +
        'unpack cyrus-imapd and courier-imap with apt-get download.',
    );
  await aptInstall(HELPER_PACKAGES);
  const downloads = path.join(serverCacheDir(), 'debs');
  await mkdir(downloads, { recursive: true });
  await run('apt-get', ['download', ...SERVER_PACKAGES], { cwd: downloads, maxBuffer: 16 << 20 }).catch(async () => {
    await run('apt-get', ['update'], { maxBuffer: 64 << 20 });
    await run('apt-get', ['download', ...SERVER_PACKAGES], { cwd: downloads, maxBuffer: 16 << 20 });
  });
  // Unpack into a fresh folder and rename it into place, so a half-unpacked root is never used.
  const staging = `${root}.${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const deb of (await readdir(downloads)).filter((f) => f.endsWith('.deb')))
    await run('dpkg', ['-x', path.join(downloads, deb), staging]);
  await rm(root, { recursive: true, force: true });
  await rename(staging, root);
  if (!complete(found)) throw new Error(`Unpacking Cyrus and Courier into ${root} did not give their binaries.`);
  return found;
}
