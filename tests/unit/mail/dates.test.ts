import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filedDate } from '../../../src/main/policy/messageDate';
import { parseMessage } from '../../../src/main/mail/parse';
import { messageFromEnvelope } from '../../../src/main/mail/envelope';
import { openDb } from '../../../src/main/store/db';
import { addSupportAccount } from '../../support/storeAccount';
import { ensureFolder } from '../../../src/main/store/repos/folders';
import { listThreadMessages } from '../../../src/main/store/repos/messages';
import { storeMessage } from '../../../src/main/store/ingest';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');
const ARRIVED = Date.UTC(2026, 10, 30, 9, 0);

describe('the date a message is filed under', () => {
  it('uses the header date when it is plausible', () => {
    const header = ARRIVED - 3 * 3_600_000;
    expect(filedDate(header, ARRIVED)).toBe(header);
    expect(filedDate(ARRIVED + 23 * 3_600_000, ARRIVED)).toBe(ARRIVED + 23 * 3_600_000);
  });

  it('falls back to INTERNALDATE when missing, unreadable, before 1990 or over a day ahead', () => {
    expect(filedDate(null, ARRIVED)).toBe(ARRIVED);
    expect(filedDate(Number.NaN, ARRIVED)).toBe(ARRIVED);
    expect(filedDate(Date.UTC(102, 6, 28), ARRIVED)).toBe(ARRIVED);
    expect(filedDate(Date.UTC(1989, 11, 31), ARRIVED)).toBe(ARRIVED);
    expect(filedDate(ARRIVED + 25 * 3_600_000, ARRIVED)).toBe(ARRIVED);
  });

  it.each(['date-year-0102.eml', 'date-future.eml', 'date-missing.eml'])('%s is filed at arrival', async (name) => {
    const parsed = await parseMessage(readFileSync(join(FIXTURES, name)), ARRIVED);
    expect(parsed.ok && parsed.message.date).toBe(ARRIVED);
  });

  it.each([
    'error_emails/bad_date_header.eml',
    'error_emails/bad_date_header2.eml',
    'plain_emails/raw_email_with_bad_date.eml',
  ])('real-world %s (empty or unparseable Date) is filed at arrival, not when it was parsed', async (name) => {
    // Arrival an hour ago: a date taken from the parse time would land within the tolerance.
    const arrived = Date.now() - 3_600_000;
    const raw = readFileSync(join(FIXTURES, '../real-world-mail', name));
    const parsed = await parseMessage(raw, arrived);
    expect(parsed.ok && parsed.message.date).toBe(arrived);
  });

  it('the header phase files the year-0102 mail at arrival and the thread pane shows the header as written', () => {
    const db = openDb(':memory:');
    const accountId = addSupportAccount(db);
    const folder = ensureFolder(db, accountId, 'INBOX', 'inbox');
    const headers = { date: 'Sun, 28 Jul 0102 10:12:00 +0000' };
    const envelope = {
      date: new Date(headers.date),
      subject: 'Order status',
      messageId: '<year-0102@example.net>',
      from: [{ name: 'Old Timer', address: 'old@example.net' }],
    };
    const parsed = messageFromEnvelope(envelope, headers, 200, ARRIVED);
    expect(parsed.date).toBe(ARRIVED);
    const threadId = storeMessage(
      db,
      { accountId, folderId: folder.id, uid: 1, flags: [], raw: null, parsed, headers, bodyState: 'pending' },
      new Set(),
    );
    const [view] = listThreadMessages(db, threadId ?? -1);
    expect(view?.date).toBe(ARRIVED);
    expect(view?.writtenDate).toBe('Sun, 28 Jul 0102 10:12:00 +0000');
  });
});
