/**
 * The first sync reads the header fields it keeps from the source it fetches, instead of
 * asking the server for BODY[HEADER.FIELDS (...)] as well. Read from the source, they must
 * be what the server gives, for odd header shapes and for every real-world corpus message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeaderBlock, SYNC_HEADER_FIELDS, syncHeaderFields } from '../../src/main/mail/imap/headerBlock';
import { mailWorld, otherClient } from '../support/engine';

const CORPUS = join(import.meta.dirname, '../fixtures/real-world-mail');

const odd = [
  'From : Ann <ann@x.example>\r\nSubject:\tspaced\r\nTo: a@x.example,\r\n b@x.example\r\n\r\nbody\r\n',
  'Received: from a\r\n\tby b\r\nsubject: lower\r\nREFERENCES: <a@x>\r\n  <b@x>\r\nX-Subject: no\r\n\r\nSubject: in the body\r\n',
  'Subject: one\r\nSubject: two\r\nList-Id: a\r\nList-Id: b\r\nContent-Type: text/plain;\r\n charset=utf-8\r\n\r\nx\r\n',
  'Subject: no body at all\r\nFrom: c@x.example\r\n',
  'X-Only: nothing kept\r\n\r\nbody\r\n',
  'Subject: caf\xe9 8-bit\r\nFrom: "M\xfcller" <m@x.example>\r\n\r\nbody\r\n',
];

describe('sync header fields from the source (real Dovecot)', () => {
  it('read as the server gives them in BODY[HEADER.FIELDS]', async () => {
    const world = await mailWorld();
    const mailbox = await world.createMailbox('fields');
    const corpus = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(CORPUS, f)));
    const client = await otherClient(world, mailbox);
    try {
      for (const raw of [...odd.map((m) => Buffer.from(m, 'latin1')), ...corpus]) await client.append('INBOX', raw);
      await client.mailboxOpen('INBOX');
      let compared = 0;
      for await (const msg of client.fetch('1:*', { uid: true, headers: SYNC_HEADER_FIELDS, source: true })) {
        expect(parseHeaderBlock(syncHeaderFields(msg.source!)), `message ${msg.uid}`).toEqual(
          parseHeaderBlock(msg.headers!),
        );
        compared++;
      }
      expect(compared).toBe(odd.length + corpus.length);
    } finally {
      await client.logout();
    }
  });
});
