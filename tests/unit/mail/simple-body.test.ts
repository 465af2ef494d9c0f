import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import libbase64 from 'libbase64';
import libqp from 'libqp';
import { describe, expect, it } from 'vitest';
import { bodyOf, bodyOnly, parseBody, parseToShape } from '../../../src/main/mail/mailShape.mjs';
import { simpleBody } from '../../../src/main/mail/simpleBody.mjs';

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
const readDirectly = (raw: Buffer): boolean => simpleBody(bodyOnly(raw)) !== null;

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

/** HTML a sender's mail program might write, with the same text in it. */
const htmlLine = fc.oneof(
  line.map((l) => `<p>${l}</p>`),
  fc.constantFrom('<html><body>', '</body></html>', '<div dir="ltr">Hi&nbsp;there</div>', '<br>', '<!-- c -->', ''),
);
const boundary = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom('b1', '000000000000a1b2c3', '----=_Part_1_2.3', 'Apple-Mail=_5F0E', "x'()+_,-./:=?"),
  },
  fc.constantFrom('two words', 'b"q', 'x'.repeat(71)),
);
const alternativeType = (b: string, quoted: boolean, folded: boolean): string =>
  `Content-Type: multipart/alternative;${folded ? '\r\n\t' : ' '}boundary=${quoted ? `"${b}"` : b}`;
const partType = (subtype: string) =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.constantFrom(
        `text/${subtype}; charset=utf-8`,
        `text/${subtype}; charset="UTF-8"`,
        `TEXT/${subtype.toUpperCase()}`,
        `text/${subtype};\r\n charset=us-ascii`,
      ),
    },
    fc.constantFrom(`text/${subtype}; charset=iso-8859-1`, `text/${subtype}; format=flowed`, 'text/enriched', null),
  );
const partExtra = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  fc.constantFrom('Content-Disposition: inline', 'Content-Disposition: attachment', 'MIME-Version: 1.0', 'X-Note: hi'),
);
/** How a delimiter line is written: as it should be, or in a way that leaves it to mailparser. */
const delimiterStyle = fc.oneof(
  { weight: 20, arbitrary: fc.constant('exact') },
  fc.constantFrom('padded', 'no-close', 'epilogue-delimiter', 'content-lookalike', 'swapped'),
);

const alternativeMessage = fc
  .record({
    b: boundary,
    quoted: fc.constantFrom(true, true, true, false),
    folded: fc.boolean(),
    topEncoding: fc.constantFrom(null, null, null, null, '7bit', '8bit', 'base64'),
    preamble: fc.constantFrom(null, '', 'This is a multi-part message in MIME format.'),
    plainType: partType('plain'),
    htmlType: partType('html'),
    plainEncoding: encodingField,
    htmlEncoding: encodingField,
    plainExtra: partExtra,
    htmlExtra: partExtra,
    plainLines: fc.array(line, { maxLength: 8 }),
    htmlLines: fc.array(htmlLine, { maxLength: 8 }),
    trailing: fc.boolean(),
    sloppy: fc.boolean(),
    style: delimiterStyle,
    epilogue: fc.constantFrom('', '\r\n', 'bye\r\n'),
    end: lineEnd,
  })
  .map((m) => {
    const unquoted = m.b.replace(/"/g, '');
    const d = `--${unquoted}`;
    const part = (
      type: string | null,
      encoding: string | null,
      extra: string | null,
      lines: string[],
      lookalike: boolean,
    ) => {
      const fields = [
        type && `Content-Type: ${type}`,
        encoding && `Content-Transfer-Encoding: ${encoding}`,
        extra,
      ].filter((f) => f);
      const text = (lookalike ? [...lines, `${d}x`] : lines).join(m.end) + (m.trailing ? m.end : '');
      return Buffer.concat([
        Buffer.from(fields.join(m.end).replace(/\r\n/g, m.end) + m.end + m.end, 'latin1'),
        encoded(text, encoding, m.sloppy),
      ]);
    };
    const plain = part(m.plainType, m.plainEncoding, m.plainExtra, m.plainLines, m.style === 'content-lookalike');
    const html = part(m.htmlType, m.htmlEncoding, m.htmlExtra, m.htmlLines, false);
    const [first, second] = m.style === 'swapped' ? [html, plain] : [plain, html];
    const open = `${d}${m.style === 'padded' ? ' ' : ''}${m.end}`;
    const close = m.style === 'no-close' ? '' : `${m.end}${d}--${m.end}`;
    const head = ['From: Ann <ann@shop.example>', 'MIME-Version: 1.0', alternativeType(m.b, m.quoted, m.folded)];
    if (m.topEncoding) head.push(`Content-Transfer-Encoding: ${m.topEncoding}`);
    return Buffer.concat([
      Buffer.from(head.join(m.end).replace(/\r\n/g, m.end) + m.end + m.end, 'latin1'),
      Buffer.from(m.preamble === null ? '' : m.preamble + m.end, 'latin1'),
      Buffer.from(open, 'latin1'),
      first,
      Buffer.from(`${m.end}${open}`, 'latin1'),
      second,
      Buffer.from(close, 'latin1'),
      Buffer.from(m.style === 'epilogue-delimiter' ? `${d}${m.end}` : m.epilogue.replace(/\r\n/g, m.end), 'latin1'),
    ]);
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
    const of = (head: string, body = 'Hi\r\n') => simpleBody(Buffer.from(`${head}\r\n\r\n${body}`, 'latin1'));
    expect(of('Content-Type: text/plain; charset=utf-8')?.text).toBe('Hi\n');
    expect(of('Content-Type: text/plain; format=flowed')).toBeNull();
    expect(of('Content-Type: text/plain; charset=iso-8859-1')).toBeNull();
    expect(
      of('Content-Type: multipart/mixed; boundary=x', '--x\r\nContent-Type: text/plain\r\n\r\nHi\r\n--x--\r\n'),
    ).toBeNull();
    expect(of('Content-Disposition: attachment; filename=a.txt')).toBeNull();
    expect(of('Content-Transfer-Encoding: "base64"')).toBeNull();
    expect(of('Content-Transfer-Encoding: base64', 'SGk=\r\nSGk=\r\n')).toBeNull();
    expect(of('Content-Type: text/plain\r\nContent-Type: text/html')).toBeNull();
    expect(of('Subject: not cut down')).toBeNull();
  });
});

describe('multipart/alternative of plain text and HTML read without mailparser', () => {
  it('gives the body mailparser gives, for generated mail of every shape around it', async () => {
    let direct = 0;
    await fc.assert(
      fc.asyncProperty(alternativeMessage, async (raw) => {
        if (readDirectly(raw)) direct++;
        expect(await byBodyPhase(raw)).toEqual(await byMailparser(raw));
      }),
      { numRuns: 1500 },
    );
    expect(direct).toBeGreaterThan(200);
  });

  it('leaves to mailparser what it does not read the same way', () => {
    const of = (body: string, type = 'multipart/alternative; boundary="b"') =>
      simpleBody(Buffer.from(`Content-Type: ${type}\r\n\r\n${body}`, 'latin1'));
    const plain = 'Content-Type: text/plain; charset=utf-8\r\n\r\nHi';
    const html = 'Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>';
    expect(of(`--b\r\n${plain}\r\n--b\r\n${html}\r\n--b--\r\n`)).toEqual({
      attachments: [],
      headerLines: [],
      text: 'Hi',
      html: '<p>Hi</p>',
    });
    expect(of(`--b\r\n${html}\r\n--b\r\n${plain}\r\n--b--\r\n`)).toBeNull();
    expect(of(`--b \r\n${plain}\r\n--b\r\n${html}\r\n--b--\r\n`)).toBeNull();
    expect(of(`--b\r\n${plain}\r\n--b\r\n${html}\r\n`)).toBeNull();
    expect(of(`--b\r\n${plain}\r\n--b\r\n${html}\r\n--b--\r\n--b\r\n`)).toBeNull();
    expect(of(`--b\r\n${plain}\r\n--bb\r\n--b\r\n${html}\r\n--b--\r\n`)).toBeNull();
    expect(
      of(`--b\r\n${plain}\r\n--b\r\n${html}\r\n--b--\r\n`, 'multipart/alternative; boundary="b"; charset=utf-8'),
    ).toBeNull();
    expect(of(`--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b\r\n${html}\r\n--b--\r\n`)).toBeNull();
    // Unusual even where mailparser would read it the same: a part without its type, an encoded multipart.
    expect(of(`--b\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHi\r\n--b\r\n${html}\r\n--b--\r\n`)).toBeNull();
    expect(
      of(
        `--b\r\n${plain}\r\n--b\r\n${html}\r\n--b--\r\n`,
        'multipart/alternative; boundary="b"\r\nContent-Transfer-Encoding: base64',
      ),
    ).toBeNull();
  });
});
