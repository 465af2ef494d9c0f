/** One large customer message (a scanned contract as a PDF attachment) for the memory figures. */
import { Prng } from '../support/prng';
import type { GeneratedMessage } from './generate';

/**
 * A message of about `megabytes` MB: a short text part and one base64 attachment. Dated a day
 * before `before`, so it gets the lowest UID and leaves the newest threads as they were.
 */
export function bigMessage(
  megabytes: number,
  mailbox: string,
  before: number,
  seed: number,
  index: number,
): GeneratedMessage {
  const rng = new Prng(seed);
  const sec = Math.floor((before - 24 * 3600 * 1000) / 1000);
  const messageId = `big.${sec.toString(36)}@customer.example`;
  const line = (): string => {
    let s = '';
    while (s.length < 76) s += rng.int(2 ** 31).toString(36);
    return Buffer.from(s).toString('base64').slice(0, 76);
  };
  const lines = Math.ceil((megabytes * 2 ** 20) / 78);
  const body: string[] = [];
  for (let i = 0; i < lines; i++) body.push(line());
  const raw = Buffer.from(
    [
      'From: "Dana Customer" <dana@customer.example>',
      `To: ${mailbox}`,
      'Subject: Signed contract (scanned)',
      `Date: ${new Date(sec * 1000).toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="big-boundary"',
      '',
      '--big-boundary',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello, the signed contract is attached as one scan. Regards, Dana',
      '--big-boundary',
      'Content-Type: application/pdf; name="contract-scan.pdf"',
      'Content-Disposition: attachment; filename="contract-scan.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      ...body,
      '--big-boundary--',
      '',
    ].join('\n'),
  );
  return { index, raw, date: sec * 1000, messageId, threadKey: messageId, flags: 'S' };
}
