import type { ImapFlow, ListResponse } from 'imapflow';
import type { FolderRole } from '../../store/repos/folders';

/** Names used for the Sent folder by servers without SPECIAL-USE (RFC 6154). */
const SENT_NAMES = ['sent', 'sent items', 'sent messages', 'sent mail', 'inbox.sent', 'inbox/sent'];

/** The folders a sync pass covers: INBOX and Sent, or Gmail's All Mail (which holds both). */
export function chooseFolders(list: ListResponse[], extra: string[] = []): Array<{ path: string; role: FolderRole }> {
  const allMail = list.find((f) => f.specialUse === '\\All' && /gmail|google/i.test(f.path));
  if (allMail) return [{ path: allMail.path, role: 'all' }, ...others(list, extra, [allMail.path])];
  const sent =
    list.find((f) => f.specialUse === '\\Sent' && f.specialUseSource === 'extension') ??
    list.find((f) => f.specialUse === '\\Sent') ??
    list.find((f) => SENT_NAMES.includes(f.path.toLowerCase()));
  const out: Array<{ path: string; role: FolderRole }> = [{ path: 'INBOX', role: 'inbox' }];
  if (sent) out.push({ path: sent.path, role: 'sent' });
  return [
    ...out,
    ...others(
      list,
      extra,
      out.map((f) => f.path),
    ),
  ];
}

function others(list: ListResponse[], extra: string[], taken: string[]): Array<{ path: string; role: FolderRole }> {
  return extra
    .filter((path) => !taken.includes(path) && list.some((f) => f.path === path))
    .map((path) => ({ path, role: 'other' as const }));
}

/** Lists the server's folders and picks the ones to sync. */
export async function foldersToSync(
  client: ImapFlow,
  extra: string[] = [],
): Promise<Array<{ path: string; role: FolderRole }>> {
  return chooseFolders(await client.list(), extra);
}
