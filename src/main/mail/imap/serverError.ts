/**
 * An IMAP command the server answered NO or BAD, told in the server's own words: which
 * server, what Promptly was doing, and the response text ("Courier refused to create the
 * folder 'Promptly Team Log': Cannot create this folder."). The raw command and status go
 * along for the diagnostics.
 */
import type { ImapFlow } from 'imapflow';

/** What imapflow puts on a failed command (its `Command failed` error). */
interface ImapCommandFailure {
  responseStatus?: string;
  responseText?: string;
  serverResponseCode?: string;
  executedCommand?: string;
}

/** A command the server refused, with a message a person can act on. */
export class ServerRefusal extends Error {
  /** The server's own response text ("Cannot create this folder."). */
  readonly serverText: string;
  /** The command as sent, without its tag (`CREATE "INBOX.Promptly Team Log"`). */
  readonly command: string;
  /** `NO` or `BAD`, plus the response code when there was one (`NO [OVERQUOTA]`). */
  readonly status: string;
  constructor(message: string, detail: { serverText: string; command: string; status: string }) {
    super(message);
    this.name = 'ServerRefusal';
    this.serverText = detail.serverText;
    this.command = detail.command;
    this.status = detail.status;
  }

  /** One line for status and diagnostics: the command and the full answer. */
  get detail(): string {
    return `${this.command} → ${this.status} ${this.serverText}`.trim();
  }
}

/** Well-known server software, recognised by the ID response or the greeting (RFC 2971). */
const KNOWN_SERVERS: Array<[RegExp, string]> = [
  [/courier/i, 'Courier'],
  [/cyrus/i, 'Cyrus'],
  [/dovecot/i, 'Dovecot'],
  [/exchange|outlook|microsoft/i, 'Microsoft Exchange'],
  [/gimap|gmail|google/i, 'Gmail'],
  [/yahoo/i, 'Yahoo'],
  [/zimbra/i, 'Zimbra'],
  [/stalwart/i, 'Stalwart'],
  [/fastmail/i, 'Fastmail'],
];

/** The server's product name when it says it, else "The IMAP server". */
export function serverName(client: Pick<ImapFlow, 'serverInfo' | 'greeting'>): string {
  const said = `${client.serverInfo?.name ?? ''} ${client.greeting ?? ''}`;
  return KNOWN_SERVERS.find(([pattern]) => pattern.test(said))?.[1] ?? 'The IMAP server';
}

/** True when imapflow reports a tagged NO/BAD answer (as opposed to a lost connection). */
export function isCommandFailure(error: unknown): boolean {
  const status = (error as ImapCommandFailure | null)?.responseStatus;
  return status === 'NO' || status === 'BAD';
}

/** The response code of a refused command (RFC 5530: ALREADYEXISTS, NONEXISTENT, ...), upper case. */
export function responseCode(error: unknown): string | null {
  const code = (error as ImapCommandFailure | null)?.serverResponseCode;
  return typeof code === 'string' && code ? code.toUpperCase() : null;
}

/**
 * Wraps a refused command as a {@link ServerRefusal} saying what Promptly was doing
 * (`action`: "create the folder 'Promptly Team Log'"). Other errors pass through unchanged.
 */
export function refusal(client: Pick<ImapFlow, 'serverInfo' | 'greeting'>, error: unknown, action: string): unknown {
  if (!isCommandFailure(error)) return error;
  const e = error as ImapCommandFailure;
  const serverText = (e.responseText ?? '').trim() || 'no reason given';
  const command = (e.executedCommand ?? '').replace(/^\S+\s+/, '').trim();
  const code = responseCode(error);
  const status = `${e.responseStatus ?? 'NO'}${code ? ` [${code}]` : ''}`;
  const who = serverName(client);
  const sentence = /[.!?]$/.test(serverText) ? serverText : `${serverText}.`;
  return new ServerRefusal(`${who} refused to ${action}: ${sentence}`, { serverText, command, status });
}
