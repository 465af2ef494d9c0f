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
