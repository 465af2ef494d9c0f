import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/cli';
import type { DiscoveryDeps } from '../../src/main/mail/autoconfig/discover';
import { resolverDns } from '../../src/main/mail/autoconfig/net';
import type { DiscoveryResult } from '../../src/shared/discovery';
import { autoconfigXml, startAutoconfigHttp, type AutoconfigHttp } from '../support/autoconfig-world';
import { startDnsServer, type DnsServer } from '../support/dns-server';
import { mailWorld } from '../support/engine';
import type { MailWorldClient } from '../support/mailworld';

let world: MailWorldClient;
let dns: DnsServer;
let http: AutoconfigHttp;
const dirs: string[] = [];

beforeAll(async () => {
  world = await mailWorld();
  dns = await startDnsServer({
    srv: [
      { name: '_imaps._tcp.srv.test', target: 'imap.srv.test', port: 993 },
      { name: '_submissions._tcp.srv.test', target: 'smtp.srv.test', port: 465 },
    ],
  });
  // The test world's servers speak plain text on loopback, as the document says.
  http = await startAutoconfigHttp({
    'autoconfig.cliworld.test/mail/config-v1.1.xml': autoconfigXml('cliworld.test', [
      { type: 'imap', hostname: world.info.imap.host, port: world.info.imap.port, socketType: 'plain' },
      { type: 'smtp', hostname: world.info.smtp.host, port: world.info.smtp.port, socketType: 'plain' },
    ]),
  });
});

afterAll(async () => {
  await http?.stop();
  await dns?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The CLI in-process with discovery pointed at the local DNS and HTTP servers (guessing on port 9, where nothing listens). */
async function cli(args: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'promptly-cli-discover-'));
  dirs.push(dir);
  const out: string[] = [];
  const err: string[] = [];
  const discovery: Partial<DiscoveryDeps> = {
    dns: resolverDns([dns.address]),
    xmlUrls: http.urlsFor,
    guessPorts: { imap: [{ port: 9, tls: 'none' }], smtp: [{ port: 9, tls: 'none' }] },
  };
  const run = (a: string[]) =>
    runCli(['--data-dir', dir, ...a], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env,
      now: () => Date.now(),
      discovery,
    });
  const code = await run(args);
  return { code, out: out.join('\n'), err: err.join('\n'), again: run };
}

describe('CLI: account discover, and account set without servers', () => {
  it('account discover prints the settings, where they came from and what was tried', async () => {
    const result = await cli(['account', 'discover', 'desk@srv.test']);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      'Found: DNS SRV records _imaps._tcp.srv.test → imap.srv.test:993 and _submissions._tcp.srv.test → smtp.srv.test:465.',
      '  IMAP  imap.srv.test:993 TLS',
      '  SMTP  smtp.srv.test:465 TLS',
      '  user  desk@srv.test',
      '  sign-in  password',
      'Tried:',
      expect.stringMatching(/^ {2}preset {9}no built-in preset for srv\.test \(\d+ ms\)$/),
      expect.stringMatching(/^ {2}mx-preset {6}srv\.test has no MX record \(\d+ ms\)$/),
      expect.stringMatching(/^ {2}autoconfig-xml .*HTTP 404.* \(\d+ ms\)$/),
      expect.stringMatching(/^ {2}dns-srv {8}found \(\d+ ms\)$/),
    ]);
    const json = await cli(['--json', 'account', 'discover', 'desk@srv.test']);
    expect((JSON.parse(json.out) as DiscoveryResult).source).toBe('dns-srv');
  });

  it('account discover fails (exit 1) when nothing is found, and is bad usage without an address', async () => {
    const none = await cli(['account', 'discover', 'desk@nothing.test']);
    expect(none.code).toBe(1);
    expect(none.out).toContain('Nothing found for nothing.test.');
    expect(none.err).toBe('promptly: no server settings found for desk@nothing.test.');
    const usage = await cli(['account', 'discover']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('account discover needs an address');
  });

  it('account set with only the address finds the servers, signs in to both and saves', async () => {
    const mailbox = await world.createMailbox('desk', 'cliworld.test');
    const set = await cli(['account', 'set', '--address', mailbox.address, '--password-env', 'PW'], {
      PW: mailbox.password,
    });
    expect(set.err).toMatch(
      /^promptly: using autoconfig document at http:\/\/127\.0\.0\.1:\d+\/autoconfig\.cliworld\.test\//,
    );
    expect(set.code).toBe(0);
    expect(set.out).toContain('Saved.');
    const test = await set.again(['--json', 'account', 'test']);
    expect(test).toBe(0);
  });

  it('account set saves nothing when no settings are found, and says which flags to give', async () => {
    const set = await cli(['account', 'set', '--address', 'desk@nothing.test', '--password-env', 'PW'], { PW: 'x' });
    expect(set.code).toBe(1);
    expect(set.err).toMatch(
      /^promptly: no server settings found for this address \(preset: no built-in preset for nothing\.test; .*\)\. Give them with --imap-host, --imap-port, --imap-tls, --smtp-host, --smtp-port and --smtp-tls\.$/,
    );
    expect(await set.again(['account', 'test'])).toBe(1);
  });

  it('asks for the password before looking anything up', async () => {
    const set = await cli(['account', 'set', '--address', 'desk@srv.test']);
    expect(set.code).toBe(2);
    expect(set.err).toContain('account set needs --password-env VAR');
  });
});
