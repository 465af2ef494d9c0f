import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverMailSettings, discoveryDeps, type DiscoveryDeps } from '../../src/main/mail/autoconfig/discover';
import type { GuessPorts } from '../../src/main/mail/autoconfig/guess';
import { resolverDns } from '../../src/main/mail/autoconfig/net';
import { manualClock, startAutoconfigHttp, type AutoconfigHttp } from '../support/autoconfig-world';
import { startDnsServer, type DnsServer } from '../support/dns-server';
import { mailWorld } from '../support/engine';
import type { MailWorldClient } from '../support/mailworld';

// The test world's Dovecot and SMTP relay speak plain text; a TLS front (with a test certificate
// for imap.secure.test) and a STARTTLS submission server cover the encrypted probes.
const FIXTURES = join(import.meta.dirname, '../fixtures/autoconfig');
const key = readFileSync(join(FIXTURES, 'test-mail-host.key'));
const cert = readFileSync(join(FIXTURES, 'test-mail-host.crt'));

let world: MailWorldClient;
let dns: DnsServer;
let http: AutoconfigHttp;
let tlsFront: tls.Server;
let starttlsSmtp: SMTPServer;
let closedPort: number;

function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

beforeAll(async () => {
  world = await mailWorld();
  const loopback = (host: string) => ({ host, address: '127.0.0.1' });
  dns = await startDnsServer({
    a: [
      loopback('imap.guess.test'),
      loopback('smtp.guess.test'),
      loopback('mail.mailonly.test'),
      loopback('imap.secure.test'),
      loopback('smtp.secure.test'),
      loopback('imap.othername.test'),
      loopback('smtp.othername.test'),
    ],
  });
  http = await startAutoconfigHttp({});
  tlsFront = tls.createServer({ key, cert }, (socket) => {
    const upstream = net.connect(world.info.imap.port, world.info.imap.host);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => tlsFront.listen(0, '127.0.0.1', resolve));
  starttlsSmtp = new SMTPServer({ secure: false, key, cert, authOptional: true, logger: false, closeTimeout: 200 });
  await new Promise<void>((resolve) => starttlsSmtp.listen(0, '127.0.0.1', resolve));
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = portOf(closed);
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => starttlsSmtp?.close(() => resolve()));
  await new Promise((resolve) => tlsFront?.close(resolve));
  await http?.stop();
  await dns?.stop();
});

function deps(guessPorts: GuessPorts, overrides: Partial<DiscoveryDeps> = {}): DiscoveryDeps {
  const clock = manualClock();
  return discoveryDeps({
    dns: resolverDns([dns.address]),
    xmlUrls: http.urlsFor,
    now: clock.now,
    timer: clock.timer,
    guessPorts,
    ...overrides,
  });
}

/** The plain-text mail world: a refused port first, to see the next one tried. */
function plainWorldPorts(): GuessPorts {
  return {
    imap: [
      { port: closedPort, tls: 'none' },
      { port: world.info.imap.port, tls: 'none' },
    ],
    smtp: [{ port: world.info.smtp.port, tls: 'none' }],
  };
}

describe('guessing host names, each confirmed by a real connection test', () => {
  it('finds imap. and smtp. hosts that answer on Dovecot and the SMTP relay', async () => {
    const result = await discoverMailSettings('support@guess.test', deps(plainWorldPorts()));
    expect(result.source).toBe('guess');
    expect(result.settings).toEqual({
      imapHost: 'imap.guess.test',
      imapPort: world.info.imap.port,
      imapTls: 'none',
      smtpHost: 'smtp.guess.test',
      smtpPort: world.info.smtp.port,
      smtpTls: 'none',
      user: 'support@guess.test',
      auth: 'password',
    });
    expect(result.sourceDetail).toBe(
      `guessed host names that answered a connection test: imap.guess.test:${world.info.imap.port} and smtp.guess.test:${world.info.smtp.port}`,
    );
    expect(result.tried.at(-1)).toEqual({ source: 'guess', outcome: 'found', ms: 0 });
  });

  it('falls back to mail. for both when imap. and smtp. do not exist', async () => {
    const result = await discoverMailSettings('support@mailonly.test', deps(plainWorldPorts()));
    expect(result.settings).toMatchObject({ imapHost: 'mail.mailonly.test', smtpHost: 'mail.mailonly.test' });
  });

  it('does not take an SMTP server for an IMAP server', async () => {
    const ports: GuessPorts = {
      imap: [{ port: world.info.smtp.port, tls: 'none' }],
      smtp: [{ port: world.info.smtp.port, tls: 'none' }],
    };
    const result = await discoverMailSettings('support@guess.test', deps(ports));
    expect(result.source).toBe('none');
    expect(result.tried.at(-1)?.outcome).toMatch(
      /^no IMAP server answered \(imap\.guess\.test:\d+ no IMAP greeting \(220 .*\), mail\.guess\.test:\d+ no such host\)$/,
    );
  });

  const securePorts = (): GuessPorts => ({
    imap: [{ port: portOf(tlsFront), tls: 'tls' }],
    smtp: [{ port: portOf(starttlsSmtp.server), tls: 'starttls' }],
  });

  it('tests TLS and STARTTLS for real, verifying the certificate against the host name', async () => {
    const result = await discoverMailSettings('support@secure.test', deps(securePorts(), { probeTls: { ca: cert } }));
    expect(result).toMatchObject({
      source: 'guess',
      settings: {
        imapHost: 'imap.secure.test',
        imapTls: 'tls',
        smtpHost: 'smtp.secure.test',
        smtpTls: 'starttls',
      },
    });
  });

  it('refuses a certificate it cannot trust, or one for another name', async () => {
    const untrusted = await discoverMailSettings('support@secure.test', deps(securePorts()));
    expect(untrusted.source).toBe('none');
    expect(untrusted.tried.at(-1)?.outcome).toContain(`imap.secure.test:${portOf(tlsFront)} self-signed certificate`);
    const otherName = await discoverMailSettings(
      'support@othername.test',
      deps(securePorts(), { probeTls: { ca: cert } }),
    );
    expect(otherName.source).toBe('none');
    expect(otherName.tried.at(-1)?.outcome).toContain(
      "Hostname/IP does not match certificate's altnames: Host: imap.othername.test",
    );
  });
});
