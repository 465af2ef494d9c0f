import type { ListResponse } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { serverFolder } from '../../../src/main/mail/imap/folderCheck';

const folder = (path: string, flags: string[] = []): ListResponse =>
  ({ path, name: path, delimiter: '/', flags: new Set(flags), listed: true, subscribed: true }) as ListResponse;

describe('serverFolder', () => {
  const list = [folder('INBOX'), folder('Sent'), folder('Shared', ['\\Noselect']), folder('Shared/Orders')];

  it('accepts a listed folder and keeps the server spelling of INBOX', () => {
    expect(serverFolder(list, 'Shared/Orders')).toEqual({ ok: true, path: 'Shared/Orders' });
    expect(serverFolder(list, 'Inbox')).toEqual({ ok: true, path: 'INBOX' });
  });

  it('refuses names the server lacks, listing what it has (not the \\Noselect parents)', () => {
    expect(serverFolder(list, '../../etc')).toEqual({
      ok: false,
      message:
        'The server has no folder named "../../etc". Check the spelling (names are case-sensitive); the server\'s folders are: INBOX, Sent, Shared/Orders.',
    });
    expect(serverFolder(list, 'sent')).toMatchObject({ ok: false });
  });

  it('refuses a folder that only holds other folders', () => {
    expect(serverFolder(list, 'Shared')).toEqual({
      ok: false,
      message: '"Shared" on the server only holds other folders, not mail. Choose one of the folders inside it.',
    });
  });
});
