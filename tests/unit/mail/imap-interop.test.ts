/**
 * The pieces that make Promptly follow the server rather than assume Dovecot: canonical
 * CRLF for APPEND, names in the personal namespace, and refusals told in the server's words.
 * (The same behaviour against real Cyrus, Courier and Dovecot variants: tests/interop/.)
 */
import { describe, expect, it } from 'vitest';
import type { ListResponse } from 'imapflow';
import { toCanonicalCrlf } from '../../../src/main/mail/imap/append';
import { findListed, personalNamespace, personalPath } from '../../../src/main/mail/imap/mailboxes';
import { ServerRefusal, refusal, serverName } from '../../../src/main/mail/imap/serverError';
import { explainConnectionError } from '../../../src/main/mail/connectionErrors';

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('toCanonicalCrlf', () => {
  it.each([
    ['a\nb\n', 'a\r\nb\r\n'],
    ['a\r\nb\r\n', 'a\r\nb\r\n'],
    ['a\rb\r', 'a\r\nb\r\n'],
    ['a\r\nb\nc\rd', 'a\r\nb\r\nc\r\nd'],
    ['\n\n', '\r\n\r\n'],
    ['\r\r\n', '\r\n\r\n'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(toCanonicalCrlf(bytes(input)).equals(bytes(output))).toBe(true);
  });

  it('leaves 8-bit bytes alone and returns canonical input as it is', () => {
    const eightBit = Buffer.from([0xe9, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);
    expect([...toCanonicalCrlf(eightBit)]).toEqual([0xe9, 0x0d, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);
    const canonical = bytes('Subject: x\r\n\r\nbody\r\n');
    expect(toCanonicalCrlf(canonical)).toBe(canonical);
  });

  it('turns MailComposer-style LF bodies into what Cyrus accepts (no bare CR or LF left)', () => {
    const out = toCanonicalCrlf(
      bytes('Subject: Re: x\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHi,\nthanks\n--b--\r\n'),
    );
    expect(out.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(out.toString('latin1')).toContain('Hi,\r\nthanks\r\n--b--\r\n');
  });
});

describe('personal namespace (RFC 2342)', () => {
  const courier = personalNamespace({ namespace: { prefix: 'INBOX.', delimiter: '.' } });
  const dovecot = personalNamespace({ namespace: { prefix: '', delimiter: '/' } });
  const listed = (...paths: string[]): ListResponse[] => paths.map((path) => ({ path }) as ListResponse);

  it('puts our folders under the prefix, never INBOX itself, never twice', () => {
    expect(personalPath(courier, 'Promptly Team Log')).toBe('INBOX.Promptly Team Log');
    expect(personalPath(courier, 'INBOX.Promptly Team Log')).toBe('INBOX.Promptly Team Log');
    expect(personalPath(courier, 'inbox')).toBe('INBOX');
    expect(personalPath(dovecot, 'Promptly Team Log')).toBe('Promptly Team Log');
    expect(personalNamespace({ namespace: undefined })).toEqual({ prefix: '', separator: '/' });
  });

  it('finds a folder under the prefix, or one another client made at the root', () => {
    expect(findListed(listed('INBOX', 'INBOX.Promptly Team Log'), courier, 'Promptly Team Log')?.path).toBe(
      'INBOX.Promptly Team Log',
    );
    expect(findListed(listed('INBOX', 'Sent'), courier, 'Sent')?.path).toBe('Sent');
    expect(findListed(listed('INBOX', 'INBOX.Sent'), dovecot, 'Promptly Team Log')).toBeUndefined();
  });
});

/** What imapflow throws for a tagged NO: only "Command failed", with the server's words beside it. */
function commandFailed(text: string, command: string, code?: string): Error {
  return Object.assign(new Error('Command failed'), {
    responseStatus: 'NO',
    responseText: text,
    executedCommand: command,
    ...(code ? { serverResponseCode: code } : {}),
  });
}

describe('refusals in the server’s own words', () => {
  const courier = { serverInfo: null, greeting: 'Courier-IMAP ready. Copyright 1998-2019 Double Precision, Inc.' };

  it('names the server, what Promptly was doing and what the server said', () => {
    const error = refusal(
      courier,
      commandFailed('Cannot create this folder.', '7 CREATE "INBOX.Promptly Team Log"'),
      "create the folder 'Promptly Team Log'",
    );
    expect(error).toBeInstanceOf(ServerRefusal);
    expect((error as ServerRefusal).message).toBe(
      "Courier refused to create the folder 'Promptly Team Log': Cannot create this folder.",
    );
    expect((error as ServerRefusal).detail).toBe('CREATE "INBOX.Promptly Team Log" → NO Cannot create this folder.');
  });

  it('keeps the response code and recognises servers by ID or greeting', () => {
    const cyrus = { serverInfo: { name: 'Cyrus IMAPD' }, greeting: 'server ready' };
    const error = refusal(
      cyrus,
      commandFailed('Over quota', '9 APPEND "INBOX.Sent" (\\Seen) {120}', 'OVERQUOTA'),
      "store the copy of your reply in 'INBOX.Sent'",
    ) as ServerRefusal;
    expect(error.message).toBe("Cyrus refused to store the copy of your reply in 'INBOX.Sent': Over quota.");
    expect(error.status).toBe('NO [OVERQUOTA]');
    expect(serverName({ serverInfo: null, greeting: 'IMAP4rev1 server ready' })).toBe('The IMAP server');
  });

  it('passes lost connections through untouched', () => {
    const lost = Object.assign(new Error('Socket closed'), { code: 'NoConnection' });
    expect(refusal(courier, lost, 'create the folder')).toBe(lost);
  });

  it('reaches the person through explainConnectionError, with the command for the diagnostics', () => {
    const server = { kind: 'IMAP' as const, host: '127.0.0.1', port: 23144 };
    const told = refusal(courier, commandFailed('Cannot create this folder.', '7 CREATE "X"'), "create the folder 'X'");
    expect(explainConnectionError(told, server, 'session')).toEqual({
      code: 'protocol',
      message: "Courier refused to create the folder 'X': Cannot create this folder.",
      detail: 'CREATE "X" → NO Cannot create this folder.',
    });
    // A refusal nobody wrapped still shows the server's text instead of "Command failed".
    const bare = explainConnectionError(commandFailed('Mailbox is locked', '4 SELECT "INBOX"'), server, 'session');
    expect(bare.message).toBe('The IMAP server at 127.0.0.1:23144 answered unexpectedly: Mailbox is locked.');
    expect(bare.detail).toBe('SELECT "INBOX" → NO Mailbox is locked');
  });
});
