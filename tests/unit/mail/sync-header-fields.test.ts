import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeaderBlock, SYNC_HEADER_FIELDS, syncHeaderFields } from '../../../src/main/mail/imap/headerBlock';
import { headerBlockEnd } from '../../../src/main/mail/mailShape.mjs';

const CORPUS = join(import.meta.dirname, '../../fixtures/real-world-mail');
const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml'));
const fields = (source: string) => syncHeaderFields(Buffer.from(source, 'latin1')).toString('latin1');

describe('the sync header fields read from a message source', () => {
  it('are the named fields with their folded lines, in order, then an empty line', () => {
    const source =
      'Received: from a\r\n\tby b\r\nSubject: Where is\r\n my parcel?\r\nX-Mailer: x\r\nReferences: <a@x>\r\n\t<b@x>\r\n' +
      'From : Ann <ann@x.example>\r\nlist-id: Parcels <p.x>\r\nnot a field\r\n\r\nSubject: not a header\r\n';
    expect(fields(source)).toBe(
      'Subject: Where is\r\n my parcel?\r\nReferences: <a@x>\r\n\t<b@x>\r\nFrom : Ann <ann@x.example>\r\nlist-id: Parcels <p.x>\r\n\r\n',
    );
  });

  it('follow bare line feeds, a source with no body and one with no header', () => {
    expect(fields('Subject: hi\nX-A: b\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nbody\n')).toBe(
      'Subject: hi\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\r\n',
    );
    expect(fields('X-A: b\r\nSubject: no body')).toBe('Subject: no body\r\n');
    expect(fields('\r\nSubject: body only\r\n')).toBe('\r\n');
    expect(headerBlockEnd(Buffer.from('Subject: hi\n\n\r\nbody\r\n'))).toBe(12);
    expect(headerBlockEnd(Buffer.from('Subject: hi\r\n\r\nbody\n\nmore'))).toBe(13);
    expect(headerBlockEnd(Buffer.from('Subject: hi\r\n\nbody'))).toBe(13);
    expect(fields('Subject: 8-bit caf\xe9\r\n\r\n')).toBe('Subject: 8-bit caf\xe9\r\n\r\n');
  });

  it.each(files)('read as the whole header block reads them: %s', (file) => {
    const raw = readFileSync(join(CORPUS, file));
    const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') + 2 : raw.indexOf('\n\n') + 1;
    const whole = parseHeaderBlock(end > 0 ? raw.subarray(0, end) : raw);
    const named = Object.fromEntries(Object.entries(whole).filter(([name]) => SYNC_HEADER_FIELDS.includes(name)));
    expect(parseHeaderBlock(syncHeaderFields(raw))).toEqual(named);
  });
});
