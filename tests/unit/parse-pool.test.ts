import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParsePool } from '../../src/main/mail/parsePool';
import { parseMessage } from '../../src/main/mail/parse';

describe('parsing on worker threads', () => {
  it('gives the same result as parsing in-process, and reports unreadable mail instead of throwing', async () => {
    const pool = new ParsePool(1);
    try {
      expect((pool as unknown as { workers: unknown[] }).workers).toHaveLength(1);
      const raw = readFileSync(
        join(import.meta.dirname, '../fixtures/real-world-mail/attachment_emails/attachment_pdf.eml'),
      );
      const [onWorker, inProcess] = await Promise.all([pool.parse(raw, 1), parseMessage(raw, 1)]);
      expect(onWorker).toEqual(inProcess);
      expect(onWorker.ok && onWorker.message.attachments.length).toBeGreaterThan(0);
      const plain = await pool.parse(Buffer.from('Subject: hi\r\nMessage-ID: <p@x.example>\r\n\r\nbody\r\n'), 5);
      expect(plain).toMatchObject({ ok: true, message: { messageId: 'p@x.example', text: 'body' } });
    } finally {
      await pool.close();
    }
  });
});

describe('parsing only the body on worker threads', () => {
  it('gives the body fields of the whole-message parse, for every corpus message, on two workers', async () => {
    const dir = join(import.meta.dirname, '../fixtures/real-world-mail');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(50);
    const pool = new ParsePool(2);
    try {
      for (const file of files) {
        const raw = readFileSync(join(dir, file));
        const [body, whole] = await Promise.all([pool.parseBody(raw), parseMessage(raw, 1)]);
        if (!whole.ok) {
          expect(body, file).toEqual(whole);
          continue;
        }
        const { text, html, snippet, hasAttachments, attachments, problem } = whole.message;
        expect(body, file).toEqual({ ok: true, body: { text, html, snippet, hasAttachments, attachments, problem } });
      }
    } finally {
      await pool.close();
    }
  });
});
