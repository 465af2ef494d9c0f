import { readFileSync } from 'node:fs';
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
