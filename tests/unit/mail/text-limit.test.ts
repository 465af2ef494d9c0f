import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { withTextCut } from '../../../src/main/mail/textLimit';
import { parseStreamToShape } from '../../../src/main/mail/mailShape.mjs';

const text = 'The invoice number is 4711. '.repeat(10); // 280 bytes
const fileBody = 'line of a log file\n'.repeat(20); // 380 bytes

function mail(bodyParts: string[]): Buffer {
  return Buffer.from(
    [
      'From: Dana <dana@customer.example>',
      'Subject: Logs',
      'Message-ID: <logs@customer.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      ...bodyParts.flatMap((part) => ['--b', part]),
      '--b--',
      '',
    ].join('\r\n'),
  );
}

const textPart = `Content-Type: text/plain; charset=utf-8\r\n\r\n${text}`;
const attachedLog = `Content-Type: text/plain; name="server.log"\r\nContent-Disposition: attachment; filename="server.log"\r\n\r\n${fileBody}`;

describe('withTextCut', () => {
  it('passes a message whose text is within the limit through byte for byte', async () => {
    const raw = mail([textPart, attachedLog]);
    const { stream, wasCut } = withTextCut(Readable.from([raw]), 1000);
    expect((await buffer(stream)).equals(raw)).toBe(true);
    expect(wasCut()).toBe(false);
  });

  it('cuts shown text at the limit, keeps attached text files whole and the structure readable', async () => {
    const { stream, wasCut } = withTextCut(Readable.from([mail([textPart, attachedLog])]), 100);
    const shape = await parseStreamToShape(stream);
    expect(wasCut()).toBe(true);
    expect(shape.text).toBe(text.slice(0, 100));
    expect(shape.subject).toBe('Logs');
    expect(shape.attachments).toMatchObject([{ filename: 'server.log', size: Buffer.byteLength(fileBody) }]);
  });

  it('cuts the text of a message that is one text part', async () => {
    const raw = Buffer.from(`Subject: Long\r\nContent-Type: text/plain\r\n\r\n${text}`);
    const { stream, wasCut } = withTextCut(Readable.from([raw]), 28);
    expect((await parseStreamToShape(stream)).text).toBe(text.slice(0, 28));
    expect(wasCut()).toBe(true);
  });

  it('hands a read error on to the parser', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk gone'));
      },
    });
    await expect(parseStreamToShape(withTextCut(failing, 100).stream)).rejects.toThrow(/disk gone/);
  });
});
