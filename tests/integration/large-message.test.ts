import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mailWorld, otherClient, startEngine } from '../support/engine';
import { startProxiedEngine, startProxy, type TcpProxy } from '../support/tcp-proxy';
import type { Db } from '../../src/main/store/db';
import { TEXT_PART_LIMIT, textCutNote } from '../../src/main/mail/textLimit';
import { NOTHING_FOUND } from '../../src/main/mail/imap/largeMessage';

/** Lowered from the product's 8 MB so the test message can stay small enough to be quick. */
const LARGE_FROM = 1024 * 1024;
/** The scan's size: the message is about 4/3 of it once base64-encoded (about 20 MB). */
const SCAN_BYTES = 15 * 1024 * 1024;

/** A customer's message with a large scan and a small note, CRLF throughout as IMAP serves it. */
function largeMail(to: string, scan: Buffer, note: Buffer): Buffer {
  const b = 'large-boundary';
  const base64Lines = (bytes: Buffer): string => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      'From: "Dana Customer" <dana@customer.example>',
      `To: ${to}`,
      'Subject: Signed contract (scanned)',
      'Message-ID: <contract-scan@customer.example>',
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${b}"`,
      '',
      `--${b}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello, the countersigned contract is attached as one scan. Regards, Dana',
      `--${b}`,
      'Content-Type: application/pdf; name="contract-scan.pdf"',
      'Content-Disposition: attachment; filename="contract-scan.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(scan),
      `--${b}`,
      'Content-Type: text/plain; name="note.txt"',
      'Content-Disposition: attachment; filename="note.txt"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(note),
      `--${b}--`,
      '',
    ].join('\r\n'),
  );
}

function smallMail(to: string): string {
  return [
    'From: Ola <ola@customer.example>',
    `To: ${to}`,
    'Subject: Where is my parcel?',
    'Message-ID: <parcel@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    '',
    'It has not arrived yet.',
    '',
  ].join('\r\n');
}

interface StoredRow {
  id: number;
  body_state: string;
  raw_bytes: number | null;
  source_file: string | null;
  body_text: string;
}

function rowOf(db: Db, messageId: string): StoredRow {
  return db
    .prepare(
      'SELECT id, body_state, LENGTH(raw) AS raw_bytes, source_file, body_text FROM messages WHERE message_id = ?',
    )
    .get(messageId) as StoredRow;
}

/** Bytes the database (with its write-ahead log) takes on disk. */
function databaseBytes(dataDir: string): number {
  const file = join(dataDir, 'promptly.sqlite');
  return ['', '-wal'].reduce((n, s) => n + (existsSync(file + s) ? statSync(file + s).size : 0), 0);
}

let proxy: TcpProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

describe('large messages (real Dovecot)', () => {
  it('are streamed to a private file: text and attachments are right, the original is not in the database', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('large');
    const { service, db, dataDir } = await startEngine(world, support, { largeMessageBytes: LARGE_FROM });
    const scan = randomBytes(SCAN_BYTES);
    const note = Buffer.from('Page 3 is the one with the signature.\n');
    const raw = largeMail(support.address, scan, note);
    await world.deliver(support.address, raw);
    await world.deliver(support.address, smallMail(support.address));
    await service.syncNow();

    const large = rowOf(db, 'contract-scan@customer.example');
    expect(large).toMatchObject({ body_state: 'done', raw_bytes: null, source_file: `sources/${large.id}.eml` });
    expect(large.body_text).toBe('Hello, the countersigned contract is attached as one scan. Regards, Dana');
    // The small one took the ordinary path beside it.
    expect(rowOf(db, 'parcel@customer.example')).toMatchObject({ body_state: 'done', source_file: null });
    expect(databaseBytes(dataDir)).toBeLessThan(2 * 1024 * 1024);

    // The file is the message as the server has it (Dovecot only adds its delivery headers on top).
    const file = join(dataDir, large.source_file!);
    const kept = readFileSync(file);
    expect(kept.length).toBeGreaterThan(raw.length);
    expect(kept.subarray(kept.length - raw.length).equals(raw)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'sources')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dataDir, 'sources'))).toEqual([`${large.id}.eml`]);

    const threads = await service.call('threads.list', { limit: 5 });
    const thread = threads.find((t) => t.subject === 'Signed contract (scanned)');
    expect(thread?.hasAttachments).toBe(true);
    const [message] = (await service.call('thread.get', { id: thread!.id })).messages;
    expect(message?.text).toBe(large.body_text);
    expect(message?.attachments).toMatchObject([
      { part: '0', filename: 'contract-scan.pdf', contentType: 'application/pdf', size: SCAN_BYTES },
      { part: '1', filename: 'note.txt', contentType: 'text/plain', size: note.length },
    ]);
    const found = await service.call('threads.search', { query: 'countersigned' });
    expect(found.map((t) => t.id)).toEqual([thread!.id]);

    // Attachments come out of the file, byte for byte.
    const pdf = await service.call('attachment.fetch', { messageId: large.id, part: '0' });
    expect(pdf.cached).toBe(false);
    expect(readFileSync(pdf.path).equals(scan)).toBe(true);
    expect(statSync(pdf.path).mode & 0o777).toBe(0o600);
    const saved = await service.call('attachment.save', { messageId: large.id, part: '1' });
    expect(readFileSync(saved.path)).toEqual(note);

    // Show original gives its start; Save as .eml all of it.
    const original = await service.call('message.original', { messageId: large.id });
    expect(original.truncated).toBe(true);
    expect(original.source).toContain('Subject: Signed contract (scanned)');
    const eml = await service.call('message.saveEml', { messageId: large.id });
    expect(readFileSync(eml.path).equals(kept)).toBe(true);
    expect(statSync(eml.path).mode & 0o777).toBe(0o600);

    // Expunged on the server: the row goes, and its original with it.
    const other = await otherClient(world, support);
    try {
      await other.mailboxOpen('INBOX');
      await other.messageDelete({ header: { 'message-id': 'contract-scan@customer.example' } });
    } finally {
      await other.logout();
    }
    await service.syncNow();
    expect(rowOf(db, 'contract-scan@customer.example')).toBeUndefined();
    expect(existsSync(file)).toBe(false);
  });

  it('a message of text longer than Promptly shows keeps the first 4 MB, says so, and saves all of it', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('largetext');
    const { service, db } = await startEngine(world, support, { largeMessageBytes: LARGE_FROM });
    const line = 'Server log line with the error code E-4711 repeated for the support team.\r\n';
    const body = line.repeat(Math.ceil((6 * 1024 * 1024) / line.length));
    const raw = Buffer.from(
      [
        'From: Dana <dana@customer.example>',
        `To: ${support.address}`,
        'Subject: Our server log',
        'Message-ID: <server-log@customer.example>',
        `Date: ${new Date().toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
      ].join('\r\n'),
    );
    await world.deliver(support.address, raw);
    await service.syncNow();

    const stored = rowOf(db, 'server-log@customer.example');
    expect(stored.body_state).toBe('done');
    // The first 4 MB as written (ASCII here, so bytes are characters), with the parser's line ends.
    expect(stored.body_text).toBe(body.slice(0, TEXT_PART_LIMIT).replace(/\r?\n/g, '\n').trim());
    const [thread] = await service.call('threads.list', { limit: 5 });
    const [message] = (await service.call('thread.get', { id: thread!.id })).messages;
    expect(message?.unreadable).toBe(textCutNote(TEXT_PART_LIMIT));
    // The list of mail Promptly could not read (in full) gives its size on the server.
    const listed = await service.call('messages.unreadable', {});
    expect(listed).toMatchObject([{ id: stored.id, error: textCutNote(TEXT_PART_LIMIT) }]);
    expect(listed[0]!.size).toBeGreaterThan(6 * 1024 * 1024);
    const eml = readFileSync((await service.call('message.saveEml', { messageId: stored.id })).path);
    expect(eml.subarray(eml.length - raw.length).equals(raw)).toBe(true);
  });

  it('a large message whose parts cannot be found is flagged, not shown empty', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('largebroken');
    const { service, db } = await startEngine(world, support, { largeMessageBytes: LARGE_FROM });
    const raw = Buffer.from(
      [
        'From: Dana <dana@customer.example>',
        `To: ${support.address}`,
        'Subject: Scans',
        'Message-ID: <broken-large@customer.example>',
        `Date: ${new Date().toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="declared-boundary"',
        '',
        '--actual-boundary',
        'Content-Type: application/pdf',
        'Content-Transfer-Encoding: base64',
        '',
        randomBytes(2 * 1024 * 1024)
          .toString('base64')
          .replace(/.{76}/g, '$&\r\n'),
        '--actual-boundary--',
        '',
      ].join('\r\n'),
    );
    await world.deliver(support.address, raw);
    await service.syncNow();
    const stored = rowOf(db, 'broken-large@customer.example');
    expect(stored).toMatchObject({ body_state: 'done', raw_bytes: null, source_file: `sources/${stored.id}.eml` });
    const [thread] = await service.call('threads.list', { limit: 5 });
    const [message] = (await service.call('thread.get', { id: thread!.id })).messages;
    expect(message?.unreadable).toBe(NOTHING_FOUND);
    const eml = readFileSync((await service.call('message.saveEml', { messageId: stored.id })).path);
    expect(eml.subarray(eml.length - raw.length).equals(raw)).toBe(true);
  });

  it('a connection dropped mid-download leaves the message pending and no file; the next sync completes it', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('largecut');
    const raw = largeMail(support.address, randomBytes(SCAN_BYTES), Buffer.from('note'));
    await world.deliver(support.address, raw);
    proxy = await startProxy(world.info.imap);
    const { service, db, dataDir } = await startProxiedEngine(world, support, proxy, {
      largeMessageBytes: LARGE_FROM,
    });
    // Headers take a few kilobytes; the cut lands about a quarter into the message's download.
    proxy.cutAfterBytes(5 * 1024 * 1024);
    await expect(service.syncNow()).rejects.toThrow();
    expect(proxy.stats.cuts).toBe(1);
    expect(rowOf(db, 'contract-scan@customer.example')).toMatchObject({
      body_state: 'pending',
      source_file: null,
      raw_bytes: null,
    });
    expect(readdirSync(join(dataDir, 'sources'))).toEqual([]);

    await service.syncNow();
    const large = rowOf(db, 'contract-scan@customer.example');
    expect(large).toMatchObject({ body_state: 'done', source_file: `sources/${large.id}.eml` });
    const kept = readFileSync(join(dataDir, large.source_file!));
    expect(kept.subarray(kept.length - raw.length).equals(raw)).toBe(true);
    expect(readdirSync(join(dataDir, 'sources'))).toEqual([`${large.id}.eml`]);
  });
});
