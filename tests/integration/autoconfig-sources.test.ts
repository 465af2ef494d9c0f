import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverMailSettings, discoveryDeps, type DiscoveryDeps } from '../../src/main/mail/autoconfig/discover';
import { resolverDns } from '../../src/main/mail/autoconfig/net';
import { autoconfigXml, manualClock, startAutoconfigHttp, type AutoconfigHttp } from '../support/autoconfig-world';
import { startDnsServer, type DnsServer } from '../support/dns-server';
import { PromptlyService } from '../../src/main/service/service';
import { openDb } from '../../src/main/store/db';
import { MemorySecretStore } from '../../src/main/secrets';

// Real DNS (dnsmasq on loopback) and real HTTP (node:http on loopback); nothing here is mocked.
const SRV_RECORDS = (domain: string) => [
  { name: `_imaps._tcp.${domain}`, target: `imap.${domain}`, port: 993 },
  { name: `_submission._tcp.${domain}`, target: `smtp.${domain}`, port: 587 },
];

const XML_SERVERS = [
  { type: 'imap', hostname: 'mail.%EMAILDOMAIN%', port: 993, socketType: 'SSL', username: '%EMAILLOCALPART%' },
  { type: 'smtp', hostname: 'mail.%EMAILDOMAIN%', port: 465, socketType: 'SSL' },
] as const;

let dns: DnsServer;
let http: AutoconfigHttp;

beforeAll(async () => {
  dns = await startDnsServer({
    mx: [
      { domain: 'harbour365.test', host: 'harbour365-test.mail.protection.outlook.com', preference: 0 },
      { domain: 'workspace.test', host: 'mx.backup.test', preference: 20 },
      { domain: 'workspace.test', host: 'aspmx.l.google.com', preference: 1 },
      { domain: 'xml.test', host: 'mx.xml.test', preference: 10 },
    ],
    srv: [...SRV_RECORDS('xml.test'), ...SRV_RECORDS('srv.test'), ...SRV_RECORDS('harbour365.test')],
  });
  http = await startAutoconfigHttp({
    'autoconfig.harbour365.test/mail/config-v1.1.xml': autoconfigXml('harbour365.test', [...XML_SERVERS]),
    'autoconfig.xml.test/mail/config-v1.1.xml': autoconfigXml('xml.test', [...XML_SERVERS]),
    'xml.test/.well-known/autoconfig/mail/config-v1.1.xml': autoconfigXml('xml.test', [
      { type: 'imap', hostname: 'second.xml.test', port: 993, socketType: 'SSL' },
      { type: 'smtp', hostname: 'second.xml.test', port: 465, socketType: 'SSL' },
    ]),
    'autoconfig.wellknown.test/mail/config-v1.1.xml': 500,
    'wellknown.test/.well-known/autoconfig/mail/config-v1.1.xml': autoconfigXml('wellknown.test', [
      { type: 'imap', hostname: 'imap.wellknown.test', port: 143, socketType: 'STARTTLS' },
      { type: 'smtp', hostname: 'smtp.wellknown.test', port: 587, socketType: 'STARTTLS' },
    ]),
    'autoconfig.broken.test/mail/config-v1.1.xml': '<html>Welcome to nginx!</html>',
    'autoconfig.moved.test/mail/config-v1.1.xml': { redirect: '/autoconfig.xml.test/mail/config-v1.1.xml' },
    'autoconfig.loop.test/mail/config-v1.1.xml': { redirect: '/autoconfig.loop.test/mail/config-v1.1.xml' },
    'autoconfig.huge.test/mail/config-v1.1.xml': `<clientConfig>${' '.repeat(300 * 1024)}</clientConfig>`,
  });
});

afterAll(async () => {
  await http?.stop();
  await dns?.stop();
});

/** Discovery against the local DNS and HTTP servers; no time-out ever fires on the manual clock. */
function deps(overrides: Partial<DiscoveryDeps> = {}): DiscoveryDeps {
  const clock = manualClock();
  return discoveryDeps({
    dns: resolverDns([dns.address]),
    xmlUrls: http.urlsFor,
    now: clock.now,
    timer: clock.timer,
    // Nothing listens on port 9 (discard) on loopback: the guess fails fast when it is reached.
    guessPorts: { imap: [{ port: 9, tls: 'none' }], smtp: [{ port: 9, tls: 'none' }] },
    ...overrides,
  });
}

describe('mail settings discovery: each source, in order', () => {
  it('a provider’s own domain is a preset, found without asking the network', async () => {
    const before = http.requests.length;
    const result = await discoverMailSettings('Team@Fastmail.com', deps());
    expect(result).toMatchObject({
      source: 'preset',
      sourceDetail: 'built-in preset: Fastmail',
      settings: { imapHost: 'imap.fastmail.com', imapPort: 993, imapTls: 'tls', auth: 'password' },
      tried: [{ source: 'preset', outcome: 'found', ms: 0 }],
    });
    expect(http.requests.length).toBe(before);
  });

  it('an MX at *.mail.protection.outlook.com means Microsoft 365 and wins over the domain’s XML and SRV', async () => {
    const before = http.requests.length;
    const result = await discoverMailSettings('support@harbour365.test', deps());
    expect(result.source).toBe('mx-preset');
    expect(result.sourceDetail).toBe(
      'Outlook / Microsoft 365, because mail for harbour365.test goes to harbour365-test.mail.protection.outlook.com (MX)',
    );
    expect(result.settings).toMatchObject({
      imapHost: 'outlook.office365.com',
      smtpHost: 'smtp.office365.com',
      smtpTls: 'starttls',
      user: 'support@harbour365.test',
      auth: 'oauth2',
      oauthProvider: 'microsoft',
    });
    expect(result.tried.map((t) => [t.source, t.outcome])).toEqual([
      ['preset', 'no built-in preset for harbour365.test'],
      ['mx-preset', 'found'],
    ]);
    expect(http.requests.length).toBe(before);
  });

  it('the most preferred MX decides: aspmx.l.google.com means Google Workspace', async () => {
    const result = await discoverMailSettings('hello@workspace.test', deps());
    expect(result).toMatchObject({
      source: 'mx-preset',
      settings: { imapHost: 'imap.gmail.com', auth: 'oauth2', oauthProvider: 'google' },
    });
  });

  it('autoconfig XML from the autoconfig subdomain comes before SRV, told the address, placeholders filled', async () => {
    const result = await discoverMailSettings('sam.lee@xml.test', deps());
    expect(result.source).toBe('autoconfig-xml');
    expect(result.sourceDetail).toMatch(
      /^autoconfig document at http:\/\/127\.0\.0\.1:\d+\/autoconfig\.xml\.test\/mail\/config-v1\.1\.xml\?emailaddress=sam\.lee%40xml\.test$/,
    );
    expect(result.settings).toEqual({
      imapHost: 'mail.xml.test',
      imapPort: 993,
      imapTls: 'tls',
      smtpHost: 'mail.xml.test',
      smtpPort: 465,
      smtpTls: 'tls',
      user: 'sam.lee',
      auth: 'password',
    });
    expect(result.tried.map((t) => [t.source, t.outcome])).toEqual([
      ['preset', 'no built-in preset for xml.test'],
      ['mx-preset', 'MX mx.xml.test is no provider Promptly knows'],
      ['autoconfig-xml', 'found'],
    ]);
    expect(http.requests).toContain('/autoconfig.xml.test/mail/config-v1.1.xml?emailaddress=sam.lee%40xml.test');
  });

  it('the well-known path answers when the autoconfig subdomain fails', async () => {
    const result = await discoverMailSettings('desk@wellknown.test', deps());
    expect(result).toMatchObject({
      source: 'autoconfig-xml',
      settings: { imapHost: 'imap.wellknown.test', imapPort: 143, imapTls: 'starttls', user: 'desk@wellknown.test' },
    });
    expect(result.sourceDetail).toContain('/wellknown.test/.well-known/autoconfig/mail/config-v1.1.xml');
  });

  it('RFC 6186 SRV records are used when no autoconfig document exists', async () => {
    const result = await discoverMailSettings('desk@srv.test', deps());
    expect(result).toMatchObject({
      source: 'dns-srv',
      settings: {
        imapHost: 'imap.srv.test',
        imapPort: 993,
        imapTls: 'tls',
        smtpHost: 'smtp.srv.test',
        smtpPort: 587,
        smtpTls: 'starttls',
        user: 'desk@srv.test',
        auth: 'password',
      },
    });
    expect(result.sourceDetail).toBe(
      'DNS SRV records _imaps._tcp.srv.test → imap.srv.test:993 and _submission._tcp.srv.test → smtp.srv.test:587',
    );
    const xml = result.tried.find((t) => t.source === 'autoconfig-xml');
    expect(xml?.outcome).toMatch(
      /autoconfig\.srv\.test\/mail\/config-v1\.1\.xml\?emailaddress=desk%40srv\.test: HTTP 404; .*: HTTP 404$/,
    );
  });

  it('with nothing anywhere, says so, lists every source tried, and offers the usual names untested', async () => {
    const result = await discoverMailSettings('desk@broken.test', deps());
    expect(result.source).toBe('none');
    expect(result.sourceDetail).toBe(
      'Nothing found for broken.test. These are the usual server names, not tested: check them with your mail provider.',
    );
    expect(result.settings).toMatchObject({ imapHost: 'imap.broken.test', smtpHost: 'smtp.broken.test' });
    expect(result.tried.map((t) => t.source)).toEqual(['preset', 'mx-preset', 'autoconfig-xml', 'dns-srv', 'guess']);
    const outcomes = Object.fromEntries(result.tried.map((t) => [t.source, t.outcome]));
    expect(outcomes['mx-preset']).toBe('broken.test has no MX record');
    expect(outcomes['autoconfig-xml']).toContain('not an autoconfig document');
    expect(outcomes['dns-srv']).toBe('no SRV records for broken.test');
    expect(outcomes.guess).toBe(
      'no IMAP server answered (imap.broken.test:9 no such host, mail.broken.test:9 no such host)',
    );
  });

  it('follows a redirect to the document, but not round in circles', async () => {
    const moved = await discoverMailSettings('desk@moved.test', deps());
    expect(moved).toMatchObject({ source: 'autoconfig-xml', settings: { imapHost: 'mail.moved.test', user: 'desk' } });
    const loop = await discoverMailSettings('desk@loop.test', deps());
    expect(loop.tried.find((t) => t.source === 'autoconfig-xml')?.outcome).toContain(
      '/autoconfig.loop.test/mail/config-v1.1.xml?emailaddress=desk%40loop.test: more than 5 redirects',
    );
  });

  it('reads at most 256 KB of an answer: an autoconfig document is a few kilobytes', async () => {
    const result = await discoverMailSettings('desk@huge.test', deps());
    const xml = result.tried.find((t) => t.source === 'autoconfig-xml');
    expect(xml?.outcome).toContain(
      '/autoconfig.huge.test/mail/config-v1.1.xml?emailaddress=desk%40huge.test: the answer is larger than 256 KB',
    );
  });

  it('an address without a usable domain is refused in words', async () => {
    await expect(discoverMailSettings('support', deps())).rejects.toThrow(
      '"support" has no domain to look up; enter the full address.',
    );
  });
});

describe('account.discover (the contract call)', () => {
  function service(): PromptlyService {
    return new PromptlyService({
      db: openDb(':memory:'),
      secrets: new MemorySecretStore(),
      now: () => Date.now(),
      version: 'test',
      discovery: { dns: resolverDns([dns.address]), xmlUrls: http.urlsFor },
    });
  }

  it('answers with the source, its detail, the settings and what was tried', async () => {
    const result = await service().call('account.discover', { address: '  desk@srv.test ' });
    expect(result.source).toBe('dns-srv');
    expect(result.settings.imapHost).toBe('imap.srv.test');
    expect(result.tried.map((t) => t.source)).toEqual(['preset', 'mx-preset', 'autoconfig-xml', 'dns-srv']);
    for (const attempt of result.tried) expect(attempt.ms).toBeGreaterThanOrEqual(0);
  });

  it('refuses something that is not an address, in words, before any lookup', async () => {
    await expect(service().call('account.discover', { address: 'support' })).rejects.toMatchObject({
      code: 'invalid-arguments',
      message: 'address: Enter the full address, for example support@example.com.',
    });
  });
});
