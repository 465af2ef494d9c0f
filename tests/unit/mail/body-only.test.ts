import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyOf, bodyOnly, parseBody, parseToShape } from '../../../src/main/mail/mailShape.mjs';

const CORPUS = join(import.meta.dirname, '../../fixtures/real-world-mail');
const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml'));

/** The body as a whole parse gives it: the reading the body phase must keep. */
async function wholeBody(raw: Buffer): Promise<unknown> {
  try {
    return bodyOf(await parseToShape(raw), raw);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function lightBody(raw: Buffer): Promise<unknown> {
  try {
    return await parseBody(raw);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('the body read from the MIME fields alone', () => {
  it.each(files)('is the body of the whole parse: %s', async (file) => {
    const raw = readFileSync(join(CORPUS, file));
    expect(await lightBody(raw)).toEqual(await wholeBody(raw));
  });

  it('keeps MIME-Version and Content-* fields with their folded lines and line ends, and the body byte for byte', () => {
    const raw = Buffer.from(
      'Received: from a\r\n\tby b\r\nSubject: Hi\r\nContent-Type: multipart/mixed;\r\n boundary="x"\r\n' +
        'MIME-Version: 1.0\r\nX-Content-Type: no\r\ncontent-transfer-encoding : 7bit\r\n\r\n--x\r\nSubject: kept\r\n\r\nbody\r\n--x--\r\n',
    );
    expect(bodyOnly(raw).toString()).toBe(
      'Content-Type: multipart/mixed;\r\n boundary="x"\r\nMIME-Version: 1.0\r\ncontent-transfer-encoding : 7bit\r\n' +
        '\r\n--x\r\nSubject: kept\r\n\r\nbody\r\n--x--\r\n',
    );
    const lf = Buffer.from('From: a@b.example\nContent-Type: text/plain\n\nText\n');
    expect(bodyOnly(lf).toString()).toBe('Content-Type: text/plain\n\nText\n');
    const noBody = Buffer.from('From: a@b.example\r\nSubject: x');
    expect(bodyOnly(noBody)).toBe(noBody);
  });

  it('leaves a message with no header block as it is: lines of its body are not fields', async () => {
    const raw = Buffer.from('\r\nContent-Type: text/html\r\n\r\n<b>not a field above</b>\r\n');
    expect(bodyOnly(raw)).toBe(raw);
    expect(await lightBody(raw)).toEqual(await wholeBody(raw));
  });

  it('gives the same body as the whole parse for generated single and multipart mail', async () => {
    const field = fc.constantFrom(
      'From: "Ann, Shop" <ann@shop.example>',
      'To: =?utf-8?q?B=C3=A9a?= <bea@x.example>',
      'Subject: =?iso-8859-1?q?caf=E9?=',
      'Received: from x\r\n\tby y',
      'Date: Mon, 1 Jan 2024 10:00:00 +0000',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Transfer-Encoding: base64',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Type: text/html; charset="iso-8859-1"',
      'Content-Type: text/plain; format=flowed',
      'Content-Disposition: attachment; filename="a.txt"',
      'MIME-Version: 1.0',
    );
    const body = fc.constantFrom(
      'Hello caf=C3=A9\r\n',
      'SGVsbG8gd29ybGQ=\r\n',
      '<p>Hi <b>there</b></p>\r\n',
      'Plain text \r\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(field, { maxLength: 8 }), body, async (fields, text) => {
        const raw = Buffer.from(`${fields.join('\r\n')}${fields.length ? '\r\n' : ''}\r\n${text}`, 'latin1');
        expect(await lightBody(raw)).toEqual(await wholeBody(raw));
      }),
      { numRuns: 300 },
    );
  });
});
