import { describe, expect, it } from 'vitest';
import type { DiscoveryResult } from '../../../src/shared/discovery';
import { EMPTY_FORM, serversOf, suggestedProvider } from '../../../src/renderer/src/features/setup/setupForm';

function found(settings: Partial<DiscoveryResult['settings']>): DiscoveryResult {
  return {
    source: 'mx-preset',
    sourceDetail: 'the domain’s MX record',
    tried: [],
    settings: {
      imapHost: 'outlook.office365.com',
      imapPort: 993,
      imapTls: 'tls',
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      smtpTls: 'starttls',
      auth: 'password',
      ...settings,
    },
  };
}

describe('setup form: signing in with a provider', () => {
  it('offers first the provider discovery found for the domain, and none for a password domain', () => {
    expect(suggestedProvider(found({ auth: 'oauth2', oauthProvider: 'microsoft' }))).toBe('microsoft');
    expect(suggestedProvider(found({ auth: 'oauth2', oauthProvider: 'google' }))).toBe('google');
    expect(suggestedProvider(found({ auth: 'password' }))).toBeUndefined();
    expect(suggestedProvider(null)).toBeUndefined();
  });

  it('passes the servers as entered for an issuer, and none until both hosts are there', () => {
    expect(serversOf(EMPTY_FORM)).toBeUndefined();
    expect(serversOf({ ...EMPTY_FORM, imapHost: 'imap.example.com' })).toBeUndefined();
    expect(
      serversOf({
        ...EMPTY_FORM,
        imapHost: 'imap.example.com',
        smtpHost: 'smtp.example.com',
        smtpPort: '587',
        smtpTls: 'starttls',
      }),
    ).toEqual({
      imap: { host: 'imap.example.com', port: 993, tls: 'tls' },
      smtp: { host: 'smtp.example.com', port: 587, tls: 'starttls' },
    });
  });
});
