import { describe, expect, it } from 'vitest';
import { presetForDomain, presetForMx, presetSettings } from '../../../src/main/mail/autoconfig/presets';
import { PRESETS } from '../../../src/shared/providers';
import { domainOf } from '../../../src/main/mail/autoconfig/validate';

describe('provider presets by domain and by MX host', () => {
  it('matches a provider’s own domains, case-insensitively', () => {
    expect(presetForDomain('GMail.com')?.id).toBe('gmail');
    expect(presetForDomain('hotmail.com')?.id).toBe('outlook');
    expect(presetForDomain('me.com')?.id).toBe('icloud');
    expect(presetForDomain('harbourbikes.test')).toBeNull();
  });

  it('recognises Microsoft 365 and Google Workspace from the MX host, most preferred first', () => {
    expect(presetForMx([{ exchange: 'harbour-test.mail.protection.outlook.com', priority: 0 }])?.preset.id).toBe(
      'outlook',
    );
    const google = presetForMx([
      { exchange: 'alt1.aspmx.l.google.com', priority: 5 },
      { exchange: 'backup.harbour.test', priority: 1 },
      { exchange: 'ASPMX.L.GOOGLE.COM.', priority: 1 },
    ]);
    expect(google).toEqual({ preset: expect.objectContaining({ id: 'gmail' }), mx: 'aspmx.l.google.com' });
    expect(presetForMx([{ exchange: 'in1-smtp.messagingengine.com', priority: 10 }])?.preset.id).toBe('fastmail');
  });

  it('matches only whole labels: a look-alike host is no provider', () => {
    expect(presetForMx([{ exchange: 'mx.notgoogle.com', priority: 1 }])).toBeNull();
    expect(presetForMx([{ exchange: 'google.com.evil.test', priority: 1 }])).toBeNull();
    expect(presetForMx([])).toBeNull();
  });

  it('gives OAuth2 sign-in for Microsoft and Google, a password elsewhere, with the address as user', () => {
    const byId = (id: string) => PRESETS.find((p) => p.id === id)!;
    expect(presetSettings(byId('outlook'), 'support@harbour.test')).toEqual({
      imapHost: 'outlook.office365.com',
      imapPort: 993,
      imapTls: 'tls',
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      smtpTls: 'starttls',
      user: 'support@harbour.test',
      auth: 'oauth2',
      oauthProvider: 'microsoft',
    });
    expect(presetSettings(byId('gmail'), 'a@b.test')).toMatchObject({ auth: 'oauth2', oauthProvider: 'google' });
    const fastmail = presetSettings(byId('fastmail'), 'a@b.test');
    expect(fastmail.auth).toBe('password');
    expect(fastmail.oauthProvider).toBeUndefined();
  });
});

describe('the domain of an address', () => {
  it('is lower-cased, and an international domain is looked up in its DNS form', () => {
    expect(domainOf('Desk@Harbour.TEST')).toBe('harbour.test');
    expect(domainOf('info@bücher.test')).toBe('xn--bcher-kva.test');
    expect(domainOf('support')).toBeNull();
    expect(domainOf('support@localhost')).toBeNull();
  });
});
