import { describe, expect, it } from 'vitest';
import { explainConnectionError } from '../../src/main/mail/connectionErrors';

const imap = { kind: 'IMAP' as const, host: 'imap.example.com', port: 993 };

describe('explainConnectionError', () => {
  it.each([
    [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' }, 'dns', /could not be found/],
    [{ code: 'ECONNREFUSED' }, 'connection-refused', /Nothing answered on imap.example.com:993/],
    [{ authenticationFailed: true, message: 'Command failed' }, 'auth', /refused the user name or password/],
    [{ code: 'EAUTH', response: '535 5.7.8 Error: authentication failed' }, 'auth', /password/],
    [{ code: 'EPROTO', message: 'wrong version number' }, 'tls', /TLS/],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tls', /TLS/],
    [{ code: 'ETIMEDOUT' }, 'timeout', /did not answer in time/],
    [{ code: 'ECONNRESET' }, 'tls', /closed the connection/],
  ])('%o → %s', (error, code, message) => {
    const explained = explainConnectionError(error, imap);
    expect(explained.code).toBe(code);
    expect(explained.message).toMatch(message);
  });

  it('keeps the server’s own words when it refuses a login, and none when it gave only "Command failed"', () => {
    const said = explainConnectionError(
      { code: 'EAUTH', response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled' },
      { kind: 'SMTP', host: 'smtp.office365.com', port: 587 },
    );
    expect(said.message).toContain('The server said: "535 5.7.139 Authentication unsuccessful');
    expect(said.detail).toBe('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled');
    const bare = explainConnectionError({ authenticationFailed: true, message: 'Command failed' }, imap);
    expect(bare.message).not.toContain('The server said');
    expect(bare.detail).toBeUndefined();
  });

  it('tells Gmail users about app passwords', () => {
    expect(
      explainConnectionError({ authenticationFailed: true }, { kind: 'IMAP', host: 'imap.gmail.com', port: 993 })
        .message,
    ).toMatch(/app password/);
  });
});

describe('nodemailer-wrapped socket errors', () => {
  it('finds the system code inside ESOCKET', () => {
    expect(
      explainConnectionError(
        { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' },
        { kind: 'SMTP', host: 'h', port: 25 },
      ).code,
    ).toBe('connection-refused');
  });
});

describe('a connection lost mid-session', () => {
  it('is a network problem to retry, not a TLS setting', () => {
    expect(explainConnectionError({ code: 'ECONNRESET' }, imap, 'session')).toMatchObject({
      code: 'network',
      message: /was lost/,
    });
    expect(
      explainConnectionError({ code: 'NoConnection', message: 'Connection not available' }, imap, 'session').code,
    ).toBe('network');
    expect(explainConnectionError({ authenticationFailed: true }, imap, 'session').code).toBe('auth');
  });
});

describe('an account at its connection limit', () => {
  // Exactly what imapflow hands over when Dovecot refuses the 11th login (measured here).
  const dovecot = {
    message: 'Command failed',
    authenticationFailed: true,
    responseText: 'Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
    responseStatus: 'NO',
    serverResponseCode: 'LIMIT',
    response: '2 NO [LIMIT] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
  };

  it.each([
    ['Dovecot [LIMIT]', dovecot],
    [
      'Gmail [ALERT]',
      {
        authenticationFailed: true,
        serverResponseCode: 'ALERT',
        responseText: 'Too many simultaneous connections. (Failure)',
      },
    ],
    ['a bare RFC 5530 [LIMIT]', { authenticationFailed: true, serverResponseCode: 'LIMIT', responseText: 'Sorry' }],
    ['a BYE at the greeting', { message: 'Unexpected BYE: Too many connections from your IP' }],
  ])('%s is never called a wrong password', (_name, error) => {
    const explained = explainConnectionError(error, imap);
    expect(explained.code).toBe('too-many-connections');
    expect(explained.message).toMatch(/allows only a few connections for this account and they are in use/);
    expect(explained.message).not.toMatch(/password/);
  });

  it("quotes the server's own words", () => {
    expect(explainConnectionError(dovecot, imap).message).toContain(
      'The server said: "Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)".',
    );
  });

  it.each(['UNAVAILABLE', 'INUSE'])('[%s] means try again later, not a wrong password', (code) => {
    const explained = explainConnectionError(
      { authenticationFailed: true, serverResponseCode: code, responseText: 'Backend temporarily down' },
      imap,
    );
    expect(explained).toMatchObject({ code: 'server-busy', message: /try again shortly.*Backend temporarily down/ });
  });

  it('leaves a real wrong password alone', () => {
    const explained = explainConnectionError(
      {
        authenticationFailed: true,
        serverResponseCode: 'AUTHENTICATIONFAILED',
        responseText: 'Authentication failed.',
      },
      imap,
    );
    expect(explained.code).toBe('auth');
  });
});
