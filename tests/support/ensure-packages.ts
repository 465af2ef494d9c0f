/**
 * Makes sure the Dovecot binaries that the integration tests drive (and dnsmasq, the DNS
 * server of the autoconfig tests) are present.
 *
 * CI machines start clean, so on Debian as root we install the packages ourselves instead of
 * asking every entry point (.ci/run, a developer's shell, the vitest global setup) to remember.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Absolute paths of the Dovecot programs a mail world needs. */
export interface MailBinaries {
  /** The master process binary, started as `dovecot -c FILE`. */
  dovecot: string;
  /** Directory holding the `imap` and `lmtp` service binaries. */
  libexecDir: string;
}

/** The exact advice shown when we cannot install Dovecot ourselves. */
export const MISSING_DOVECOT_MESSAGE =
  'Integration tests need Dovecot 2.3 with IMAP and LMTP: on Debian/Ubuntu run ' +
  '`sudo apt-get install dovecot-imapd dovecot-lmtpd`; on macOS `brew install dovecot`';

const DEBIAN_PACKAGES = ['dovecot-imapd', 'dovecot-lmtpd'];

// sbin directories are often missing from a non-root PATH, and Homebrew keeps its own.
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/opt/homebrew/sbin', '/usr/local/opt/dovecot/sbin'];

/**
 * Returns the Dovecot binaries, installing `dovecot-imapd` and `dovecot-lmtpd` with apt first
 * when they are missing on Debian and we are root. Throws {@link MISSING_DOVECOT_MESSAGE}
 * when they are missing anywhere else (or the install did not help).
 */
export async function ensureMailPackages(): Promise<MailBinaries> {
  const found = await findMailBinaries();
  if (found) return found;
  if (!canAptInstall()) throw new Error(MISSING_DOVECOT_MESSAGE);
  await aptInstall(DEBIAN_PACKAGES);
  const installed = await findMailBinaries();
  if (!installed) throw new Error(`${MISSING_DOVECOT_MESSAGE} (apt-get install did not provide them)`);
  return installed;
}

/** Finds dovecot plus its imap and lmtp services, or null when any of them is absent. */
export async function findMailBinaries(): Promise<MailBinaries | null> {
  const dovecot = await findExecutable('dovecot');
  if (!dovecot) return null;
  const libexecDir = await libexecDirOf(dovecot);
  if (!libexecDir) return null;
  // dovecot-core alone ships the master without the protocol services.
  for (const service of ['imap', 'lmtp']) {
    if (!(await isExecutable(path.join(libexecDir, service)))) return null;
  }
  return { dovecot, libexecDir };
}

async function findExecutable(name: string): Promise<string | null> {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Asks the binary itself (with an empty config) where its services live. */
async function libexecDirOf(dovecot: string): Promise<string | null> {
  try {
    const { stdout } = await run(dovecot, ['-c', '/dev/null', '-a']);
    const match = /^libexec_dir = (.+)$/m.exec(stdout);
    return match?.[1]?.trim() || null;
  } catch {
    return null;
  }
}

/** The advice shown when dnsmasq (the local DNS server of the autoconfig tests) cannot be installed. */
export const MISSING_DNSMASQ_MESSAGE =
  'Autoconfig tests need dnsmasq as a local DNS server: on Debian/Ubuntu run ' +
  '`sudo apt-get install dnsmasq-base`; on macOS `brew install dnsmasq`';

/**
 * Returns the path of dnsmasq, installing Debian's `dnsmasq-base` (the program without the
 * system service) when it is missing and we are root. Throws {@link MISSING_DNSMASQ_MESSAGE}
 * otherwise: the DNS tests never skip.
 */
export async function ensureDnsmasq(): Promise<string> {
  const found = await findExecutable('dnsmasq');
  if (found) return found;
  if (!canAptInstall()) throw new Error(MISSING_DNSMASQ_MESSAGE);
  await aptInstall(['dnsmasq-base']);
  const installed = await findExecutable('dnsmasq');
  if (!installed) throw new Error(`${MISSING_DNSMASQ_MESSAGE} (apt-get install did not provide it)`);
  return installed;
}

/** True on Debian as root, where the test setup may install packages itself. */
export function canAptInstall(): boolean {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

/** `apt-get install -y` without recommends, refreshing the package lists once if that fails. */
export async function aptInstall(packages: string[]): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const options = { env, maxBuffer: 64 * 1024 * 1024 };
  const install = (): Promise<unknown> =>
    run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], options);
  try {
    await install();
  } catch {
    // A fresh machine often has no package lists yet; refresh once and retry.
    await run('apt-get', ['update'], options);
    await install();
  }
}
