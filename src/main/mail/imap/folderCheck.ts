import type { ListResponse } from 'imapflow';

/** How many of the server's folder names an error lists before "…". */
const NAMES_SHOWN = 15;

/**
 * Whether `path` is a folder the server has and can open, by its LIST answer (RFC 3501
 * §6.3.8). INBOX is case-insensitive (§5.1); other names must match exactly, because a
 * name that is not on the server would sync nothing forever. Returns the server's own
 * spelling of the name, or a message that lists the folders it does have.
 */
export function serverFolder(
  list: ListResponse[],
  path: string,
): { ok: true; path: string } | { ok: false; message: string } {
  const wanted = path.trim();
  const found = list.find(
    (f) => f.path === wanted || (wanted.toUpperCase() === 'INBOX' && f.path.toUpperCase() === 'INBOX'),
  );
  if (found && !found.flags.has('\\Noselect') && !found.flags.has('\\NonExistent'))
    return { ok: true, path: found.path };
  if (found)
    return {
      ok: false,
      message: `"${found.path}" on the server only holds other folders, not mail. Choose one of the folders inside it.`,
    };
  const names = list.filter((f) => !f.flags.has('\\Noselect')).map((f) => f.path);
  const shown = names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? ', …' : '');
  return {
    ok: false,
    message: `The server has no folder named "${wanted}". Check the spelling (names are case-sensitive); the server's folders are: ${shown}.`,
  };
}
