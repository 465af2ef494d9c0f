/**
 * Folders Promptly creates or looks for (the team log, Sent) follow the server: their
 * full name carries the personal namespace prefix (RFC 2342: `INBOX.` on Cyrus and
 * Courier), CREATE is sent only when LIST says the folder is missing, and a CREATE that
 * fails is judged by a fresh LIST and the ALREADYEXISTS code (RFC 5530), never by English text.
 */
import type { ImapFlow, ListResponse } from 'imapflow';
import { refusal, responseCode } from './serverError';

/** The personal namespace of this connection: prefix and hierarchy separator. */
export interface PersonalNamespace {
  prefix: string;
  separator: string;
}

/** The personal namespace imapflow read with NAMESPACE at login (none: no prefix, `/`). */
export function personalNamespace(client: Pick<ImapFlow, 'namespace'>): PersonalNamespace {
  const ns = client.namespace;
  return { prefix: ns?.prefix ?? '', separator: ns?.delimiter || '/' };
}

/**
 * The server-side path of a folder of ours (`Promptly Team Log` → `INBOX.Promptly Team Log`).
 * The name must not contain the separator: it is one level under the personal root.
 */
export function personalPath(ns: PersonalNamespace, name: string): string {
  if (name.toUpperCase() === 'INBOX') return 'INBOX';
  return name.startsWith(ns.prefix) ? name : `${ns.prefix}${name}`;
}

/** The listed folder that is `name` in the personal namespace, or (failing that) at the root. */
export function findListed(list: ListResponse[], ns: PersonalNamespace, name: string): ListResponse | undefined {
  const full = personalPath(ns, name);
  return list.find((f) => f.path === full) ?? list.find((f) => f.path === name);
}

/**
 * Makes sure the folder `name` exists and returns its path on the server. LIST first; CREATE
 * only when it is missing. A refused CREATE is fine when the code is ALREADYEXISTS or a
 * fresh LIST shows the folder (another client made it first); otherwise the refusal is
 * thrown in the server's words.
 */
export async function ensurePersonalFolder(client: ImapFlow, name: string, list?: ListResponse[]): Promise<string> {
  const ns = personalNamespace(client);
  const found = findListed(list ?? (await client.list()), ns, name);
  if (found) return found.path;
  const path = personalPath(ns, name);
  try {
    await client.mailboxCreate(path);
    return path;
  } catch (error) {
    if (responseCode(error) === 'ALREADYEXISTS') return path;
    const again = findListed(await client.list(), ns, name);
    if (again) return again.path;
    throw refusal(client, error, `create the folder '${name}'`);
  }
}
