import { describe, expect, it } from 'vitest';
import { parseAutoconfigXml } from '../../../src/main/mail/autoconfig/xml';
import { autoconfigXml } from '../../support/autoconfig-world';

const ADDRESS = 'help.desk@shop.test';

describe('autoconfig XML (config-v1.1.xml)', () => {
  it('reads the IMAP and SMTP servers and fills the address placeholders', () => {
    const xml = autoconfigXml('shop.test', [
      { type: 'imap', hostname: 'imap.%EMAILDOMAIN%', port: 993, socketType: 'SSL', username: '%EMAILLOCALPART%' },
      { type: 'smtp', hostname: 'smtp.shop.test', port: 587, socketType: 'STARTTLS', username: '%EMAILADDRESS%' },
    ]);
    expect(parseAutoconfigXml(xml, ADDRESS)).toEqual({
      imapHost: 'imap.shop.test',
      imapPort: 993,
      imapTls: 'tls',
      smtpHost: 'smtp.shop.test',
      smtpPort: 587,
      smtpTls: 'starttls',
      user: 'help.desk',
      auth: 'password',
    });
  });

  it('skips POP3 and prefers an encrypted IMAP server over a plain one listed first', () => {
    const xml = autoconfigXml('shop.test', [
      { type: 'pop3', hostname: 'pop.shop.test', port: 995, socketType: 'SSL' },
      { type: 'imap', hostname: 'plain.shop.test', port: 143, socketType: 'plain' },
      { type: 'imap', hostname: 'secure.shop.test', port: 143, socketType: 'STARTTLS' },
      { type: 'smtp', hostname: 'smtp.shop.test', port: 465, socketType: 'SSL' },
    ]);
    expect(parseAutoconfigXml(xml, ADDRESS)).toMatchObject({ imapHost: 'secure.shop.test', imapTls: 'starttls' });
  });

  it('keeps a plain server when it is the only one, so the person sees it and decides', () => {
    const xml = autoconfigXml('shop.test', [
      { type: 'imap', hostname: 'plain.shop.test', port: 143, socketType: 'plain' },
      { type: 'smtp', hostname: 'smtp.shop.test', port: 25, socketType: 'plain' },
    ]);
    expect(parseAutoconfigXml(xml, ADDRESS)).toMatchObject({ imapTls: 'none', smtpTls: 'none', smtpPort: 25 });
  });

  it('marks OAuth2-only Microsoft and Google servers as OAuth2 sign-in', () => {
    const oauth = ['OAuth2'];
    const microsoft = autoconfigXml('shop.test', [
      { type: 'imap', hostname: 'outlook.office365.com', port: 993, socketType: 'SSL', authentication: oauth },
      { type: 'smtp', hostname: 'smtp.office365.com', port: 587, socketType: 'STARTTLS', authentication: oauth },
    ]);
    expect(parseAutoconfigXml(microsoft, ADDRESS)).toMatchObject({ auth: 'oauth2', oauthProvider: 'microsoft' });
    const both = autoconfigXml('shop.test', [
      {
        type: 'imap',
        hostname: 'imap.gmail.com',
        port: 993,
        socketType: 'SSL',
        authentication: ['OAuth2', 'password-cleartext'],
      },
      { type: 'smtp', hostname: 'smtp.gmail.com', port: 465, socketType: 'SSL' },
    ]);
    const settings = parseAutoconfigXml(both, ADDRESS);
    expect(settings.auth).toBe('password');
    expect(settings.oauthProvider).toBeUndefined();
  });

  it('says what is wrong with a document it cannot use', () => {
    const noSmtp = autoconfigXml('shop.test', [
      { type: 'imap', hostname: 'imap.shop.test', port: 993, socketType: 'SSL' },
    ]);
    expect(() => parseAutoconfigXml(noSmtp, ADDRESS)).toThrow('it names no usable SMTP server');
    expect(() => parseAutoconfigXml('<html><body>Not found</body></html>', ADDRESS)).toThrow(
      'not an autoconfig document',
    );
    expect(() => parseAutoconfigXml('<clientConfig><emailProvider>', ADDRESS)).toThrow(/not valid XML/);
  });

  it('rejects host names and ports that are not plain DNS names and TCP ports', () => {
    const bad = autoconfigXml('shop.test', [
      { type: 'imap', hostname: 'imap.shop.test;rm -rf', port: 993, socketType: 'SSL' },
      { type: 'smtp', hostname: 'smtp.shop.test', port: 70000, socketType: 'SSL' },
    ]);
    expect(() => parseAutoconfigXml(bad, ADDRESS)).toThrow('it names no usable IMAP server');
  });

  it('does not expand DOCTYPE entities (a hostile document cannot grow itself)', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE clientConfig [<!ENTITY b "imap">]>',
      '<clientConfig><emailProvider id="x">',
      '<incomingServer type="imap"><hostname>&b;.shop.test</hostname><port>993</port><socketType>SSL</socketType></incomingServer>',
      '<outgoingServer type="smtp"><hostname>smtp.shop.test</hostname><port>465</port><socketType>SSL</socketType></outgoingServer>',
      '</emailProvider></clientConfig>',
    ].join('');
    expect(() => parseAutoconfigXml(laughs, ADDRESS)).toThrow('it names no usable IMAP server');
  });
});
