import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import libbase64 from 'libbase64';
import libqp from 'libqp';
import { describe, expect, it } from 'vitest';
import { bodyOf, bodyOnly, parseBody, parseToShape } from '../../../src/main/mail/mailShape.mjs';
import { plainTextMail } from '../../../src/main/mail/plainText.mjs';

const CORPUS = join(import.meta.dirname, '../../fixtures/real-world-mail');
const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml'));

const outcome = async (read: () => Promise<unknown>): Promise<unknown> => {
  try {
    return await read();
  } catch (error) {
    return { error: (error as Error).message };
  }
};
/** The body as mailparser reads the whole message: what the direct reading must equal. */
const byMailparser = (raw: Buffer) => outcome(async () => bodyOf(await parseToShape(raw), raw));
const byBodyPhase = (raw: Buffer) => outcome(() => parseBody(raw));
const readDirectly = (raw: Buffer): boolean => plainTextMail(bodyOnly(raw)) !== null;

/** Text a person might write: accents, emoji, CJK, quotes, tabs, trailing blanks, '=' and '--' lines. */
const line = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 90 }),
  fc.constantFrom('', ' ', '\t', '-- ', '--boundary', '> quoted', 'a=3D=b', '=', 'x =\t', 'On Mon, Ann wrote:'),
  fc.string({ unit: fc.constantFrom('a', ' ', '=', '\t', 'é', '\u00a0', '😀', '\r'), maxLength: 120 }),
);
const lineEnd = fc.constantFrom('\r\n', '\n');
const typeField = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      'Content-Type: text/plain',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Type: text/plain; charset="UTF-8"',
      'content-type: TEXT/PLAIN;\r\n\tcharset=us-ascii',
      'Content-Type: text/plain; charset=utf8;',
    ),
  },
  fc.constantFrom(
    'Content-Type: text/plain; charset=iso-8859-1',
    'Content-Type: text/plain; charset=utf-8; format=flowed',
    'Content-Type: text/plain; format=flowed; delsp=yes',
    'Content-Type: text/plain; name="notes.txt"',
    'Content-Type: text/html; charset=utf-8',
    'Content-Type: text/plain (comment); charset=utf-8',
  ),
);
const encodingField = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, '7bit', '8bit', 'binary', 'quoted-printable', 'base64', 'BASE64') },
  fc.constantFrom('"base64"', 'x-uuencode', 'base64 (it is)'),
);
const extraField = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, 'MIME-Version: 1.0') },
  fc.constantFrom(
    'Content-Disposition: inline',
    'Content-Disposition: attachment; filename="a.txt"',
    'Content-ID: <x@y>',
  ),
);

/** The body bytes of `text` written in `encoding` (sometimes wrongly: stray '=' in base64, raw 8-bit in QP). */
function encoded(text: string, encoding: string | null, sloppy: boolean): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const kind = (encoding ?? '').toLowerCase();
  if (kind === 'quoted-printable') return Buffer.from(sloppy ? text : libqp.wrap(libqp.encode(bytes), 76), 'utf8');
  if (kind === 'base64') {
    const wrapped = libbase64.wrap(libbase64.encode(bytes), 76);
    return Buffer.from(sloppy ? wrapped.replace(/\r\n/, '=\r\n') : wrapped, 'latin1');
  }
  return sloppy ? Buffer.concat([bytes, Buffer.from([0xe9, 0x0d, 0x41])]) : bytes;
}

const message = fc
  .record({
    type: typeField,
    encoding: encodingField,
    extra: extraField,
    lines: fc.array(line, { maxLength: 12 }),
    end: lineEnd,
    sloppy: fc.boolean(),
    trailing: fc.boolean(),
  })
  .map(({ type, encoding, extra, lines, end, sloppy, trailing }) => {
    const fields = ['From: Ann <ann@shop.example>', 'Subject: Hello', type, extra];
    if (encoding) fields.push(`Content-Transfer-Encoding: ${encoding}`);
    const head = fields
      .filter((f) => f !== null)
      .join(end)
      .replace(/\r\n/g, end);
    const body = encoded(lines.join(end) + (trailing ? end : ''), encoding, sloppy);
    return Buffer.concat([Buffer.from(head + end + end, 'latin1'), body]);
  });

describe('a single plain-text part read without mailparser', () => {
  it('gives the body mailparser gives, for generated mail of every shape around it', async () => {
    let direct = 0;
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        if (readDirectly(raw)) direct++;
        expect(await byBodyPhase(raw)).toEqual(await byMailparser(raw));
      }),
      { numRuns: 1500 },
    );
    // The property means something only if a good share of the runs took the direct reading.
    expect(direct).toBeGreaterThan(300);
  });

  it('gives the body mailparser gives for every real-world message it reads', async () => {
    const read = files.map((f) => readFileSync(join(CORPUS, f))).filter(readDirectly);
    expect(read.length).toBeGreaterThan(5);
    for (const raw of read) expect(await byBodyPhase(raw)).toEqual(await byMailparser(raw));
  });

  it('leaves to mailparser what it does not read the same way', () => {
    const of = (head: string, body = 'Hi\r\n') => plainTextMail(Buffer.from(`${head}\r\n\r\n${body}`, 'latin1'));
    expect(of('Content-Type: text/plain; charset=utf-8')?.text).toBe('Hi\n');
    expect(of('Content-Type: text/plain; format=flowed')).toBeNull();
    expect(of('Content-Type: text/plain; charset=iso-8859-1')).toBeNull();
    expect(of('Content-Type: multipart/alternative; boundary=x')).toBeNull();
    expect(of('Content-Disposition: attachment; filename=a.txt')).toBeNull();
    expect(of('Content-Transfer-Encoding: "base64"')).toBeNull();
    expect(of('Content-Transfer-Encoding: base64', 'SGk=\r\nSGk=\r\n')).toBeNull();
    expect(of('Content-Type: text/plain\r\nContent-Type: text/html')).toBeNull();
    expect(of('Subject: not cut down')).toBeNull();
  });
});
