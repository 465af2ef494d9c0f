import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/main/mail/parse';
import { ParsePool } from '../../../src/main/mail/parsePool';

const HEAD =
  'From: Ann <ann@example.net>\r\nTo: support@shop.example\r\nSubject: Photos\r\nMessage-ID: <m@example.net>\r\n';

function nested(levels: number): Buffer {
  let body = 'Content-Type: text/plain\r\n\r\nthe innermost text';
  for (let i = 0; i < levels; i++) {
    body = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
  }
  return Buffer.from(HEAD + body);
}

function manyParts(count: number): Buffer {
  const parts = Array.from({ length: count }, (_, i) => `--p\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
  return Buffer.from(`${HEAD}Content-Type: multipart/mixed; boundary=p\r\n\r\n${parts.join('')}--p--\r\n`);
}

const hugeHeader = (): Buffer => Buffer.from(`${HEAD}X-Padding: ${'a'.repeat(5 * 1024 * 1024)}\r\n\r\nbody\r\n`);

const reasonOf = async (raw: Buffer): Promise<string> => {
  const parsed = await parseMessage(raw, 0);
  if (parsed.ok) throw new Error('expected the message to be unreadable');
  return parsed.error;
};

describe('why a message could not be read, in words', () => {
  it('too many parts and too deep nesting say so, and what to do', async () => {
    for (const raw of [manyParts(5_000), nested(2_000)]) {
      const reason = await reasonOf(raw);
      expect(reason).toMatch(/^It has more than 1,000 parts, or parts nested inside each other that deep/);
      expect(reason).toContain('Save as .eml');
    }
  });

  it('a 5 MB header block says so', async () => {
    expect(await reasonOf(hugeHeader())).toMatch(/^A header block in it is larger than 1 MB/);
  });

  it('the parse workers give the same words', async () => {
    const pool = new ParsePool();
    try {
      const outcome = await pool.parse(manyParts(5_000), 0);
      expect(!outcome.ok && outcome.error).toMatch(/^It has more than 1,000 parts/);
    } finally {
      await pool.close();
    }
  });
});
