import type { ImapFlow } from 'imapflow';

/** One parsed attribute of an untagged response, as imapflow hands it to handlers. */
interface Attribute {
  type?: string;
  value?: unknown;
}

/** The parts of imapflow this module needs that its typings keep internal. */
interface RawImap {
  exec(command: string, attributes: unknown, options?: object): Promise<{ next: () => void }>;
  untaggedHandlers: Record<string, ((untagged: { attributes?: Array<Attribute | Attribute[]> }) => unknown) | null>;
}

/** Whether the server offers NOTIFY for these folders (RFC 5465); non-ASCII names would need UTF-7. */
export function canNotify(client: ImapFlow, paths: string[]): boolean {
  return client.capabilities.has('NOTIFY') && paths.every((p) => /^[\x20-\x7e]+$/.test(p));
}

/**
 * Asks the server to report new, expunged and re-flagged messages in `paths` on this one
 * connection (RFC 5465 `NOTIFY SET (selected ...) (mailboxes ...)`). For folders that are not
 * selected the server sends unsolicited `STATUS` responses; each one calls `onChange`. imapflow has no
 * NOTIFY command, so it goes through its raw command path.
 */
export async function notifyOn(client: ImapFlow, paths: string[], onChange: (path: string) => void): Promise<void> {
  const raw = client as unknown as RawImap;
  raw.untaggedHandlers.STATUS = (untagged) => {
    const first = untagged.attributes?.[0];
    const path = first && !Array.isArray(first) && typeof first.value === 'string' ? first.value : '';
    onChange(path);
  };
  const mailboxes = paths.map((value) => ({ type: 'STRING', value }));
  const events = ['MessageNew', 'MessageExpunge', 'FlagChange'].map((value) => ({ type: 'ATOM', value }));
  const response = await raw.exec('NOTIFY', [
    { type: 'ATOM', value: 'SET' },
    // The selected folder (INBOX while watching) is reported as EXISTS/EXPUNGE/FETCH, RFC 5465 5.1.
    [{ type: 'ATOM', value: 'selected' }, events],
    [{ type: 'ATOM', value: 'mailboxes' }, mailboxes, events],
  ]);
  response.next();
}
