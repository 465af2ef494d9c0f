import type { ErrorCode } from '../../shared/errors';
import { ServerRefusal } from './imap/serverError';

/** A connection failure explained for a person, with a stable code. */
export interface Explained {
  code: ErrorCode;
  message: string;
  /** For status and diagnostics: the command the server refused and its full answer. */
  detail?: string;
}

interface NetError {
  code?: string;
  message?: string;
  authenticationFailed?: boolean;
  responseCode?: number;
  response?: string;
  responseText?: string;
  serverResponseCode?: string;
  responseStatus?: string;
  executedCommand?: string;
  reason?: string;
}

/** A signed-in connection that dropped: a network problem to retry, not a settings problem. */
const LOST =
  /ECONNRESET|EPIPE|ETIMEDOUT|NoConnection|ClosedAfterConnect|EConnectionClosed|Connection not available|Socket closed|unexpected close/i;
const SYSTEM_CODE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|EPROTO)\b/;
const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|EPROTO$|ERR_OSSL)/;

/** What a person is told when the account has no connection left for this teammate. */
export const TOO_MANY_CONNECTIONS =
  "The mail server allows only a few connections for this account and they are in use (your teammates' Promptly, phones, other mail apps).";

/**
 * Connection-limit wording of Dovecot ("Maximum number of connections from user+IP exceeded"),
 * Gmail ("[ALERT] Too many simultaneous connections"), Courier, Exchange and others.
 */
const LIMIT_TEXT =
  /too many (simultaneous |concurrent |open )?(connections|sessions|logins)|maximum (number of )?connections|connection limit|simultaneous connections/i;

/** The server's own answer in an imapflow or nodemailer error, or '' when it gave none. */
function serverSaid(e: NetError): string {
  const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  const said = str(e.responseText) || str(e.response) || str(e.message);
  return said === 'Command failed' ? '' : said;
}

/**
 * A refusal because the account is busy rather than because the password is wrong:
 * RFC 5530's [LIMIT] (or limit wording) is "too many connections"; [UNAVAILABLE] and [INUSE]
 * are "try again later". Both keep the server's own words. Null for anything else.
 */
export function explainServerLimit(error: unknown, kind: 'IMAP' | 'SMTP' = 'IMAP'): Explained | null {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as NetError;
  const said = serverSaid(e);
  const text = `${e.message ?? ''} ${e.responseText ?? ''} ${e.response ?? ''}`;
  const code = (typeof e.serverResponseCode === 'string' ? e.serverResponseCode.trim() : '').toUpperCase();
  const quoted = said ? ` The server said: "${said}".` : '';
  if (code === 'LIMIT' || LIMIT_TEXT.test(text))
    return { code: 'too-many-connections', message: `${TOO_MANY_CONNECTIONS}${quoted}` };
  if (code === 'UNAVAILABLE' || code === 'INUSE')
    return {
      code: 'server-busy',
      message: `The ${kind} server cannot let Promptly in right now; Promptly will try again shortly.${quoted}`,
    };
  return null;
}

/** OpenSSL's own text ("…:SSL routines:ssl3_get_record:reason:../deps/…") reduced to its reason. */
function opensslReason(message: string): string {
  const routine = /SSL routines:[^:]*:([^:]+):/.exec(message);
  return (routine?.[1] ?? message).trim();
}

/**
 * Turns a socket, TLS or protocol error from imapflow or nodemailer into one sentence
 * saying what is wrong and what to do.
 */
export function explainConnectionError(
  error: unknown,
  server: { kind: 'IMAP' | 'SMTP'; host: string; port: number },
  phase: 'connect' | 'session' = 'connect',
): Explained {
  if (error instanceof ServerRefusal) return { code: 'protocol', message: error.message, detail: error.detail };
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as NetError;
  const text = `${e.message ?? ''} ${e.responseText ?? ''} ${e.response ?? ''}`;
  // nodemailer wraps socket failures as ESOCKET/ECONNECTION; the system code is in the message.
  const code =
    (e.code === 'ESOCKET' || e.code === 'ECONNECTION' ? SYSTEM_CODE.exec(text)?.[1] : undefined) ?? e.code ?? '';
  const failure: Failure = { e, code, text, server, at: `${server.host}:${server.port}` };
  return (
    explainUnreachable(failure, phase) ??
    // Checked before the password: servers refuse the login itself when the account is at its limit.
    explainServerLimit(e, server.kind) ??
    explainRefusedLogin(failure) ??
    explainTransport(failure) ??
    explainUnexpected(failure)
  );
}

/** One failure as the explanations below read it. */
interface Failure {
  e: NetError;
  /** The system or library code (ENOTFOUND, EAUTH …), or ''. */
  code: string;
  /** Every text the error carries, joined. */
  text: string;
  server: { kind: 'IMAP' | 'SMTP'; host: string; port: number };
  /** host:port */
  at: string;
}

/** A lost connection, an unknown name, or nothing listening. */
function explainUnreachable({ code, text, server, at }: Failure, phase: 'connect' | 'session'): Explained | null {
  if (phase === 'session' && LOST.test(code || text)) {
    return {
      code: 'network',
      message: `The connection to ${at} was lost. Promptly will reconnect and carry on where it stopped.`,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EDNS') {
    return {
      code: 'dns',
      message: `The ${server.kind} server "${server.host}" could not be found. Check the server name for typos.`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      code: 'connection-refused',
      message: `Nothing answered on ${at}. Check the ${server.kind} port (usually ${server.kind === 'IMAP' ? '993 for TLS or 143 for STARTTLS' : '465 for TLS or 587 for STARTTLS'}).`,
    };
  }
  return null;
}

/** The server refused the user name or password, in its own words where it gave any. */
function explainRefusedLogin({ e, code, text, server }: Failure): Explained | null {
  const refused =
    e.authenticationFailed === true ||
    code === 'EAUTH' ||
    /AUTHENTICATIONFAILED|authentication failed|invalid credentials/i.test(text);
  if (!refused) return null;
  const gmail = /gmail|google/i.test(server.host) ? ' Gmail needs an app password, not your normal password.' : '';
  const said = serverSaid(e);
  return {
    code: 'auth',
    message: `The ${server.kind} server refused the user name or password.${gmail} Check them and try again.${said ? ` The server said: "${said}".` : ''}`,
    ...(said ? { detail: said } : {}),
  };
}

/** Silence, TLS failures, time-outs and at-once closes: mostly a TLS setting wrong for the port. */
function explainTransport({ e, code, text, at }: Failure): Explained | null {
  if (code === 'GREETING_TIMEOUT' || /greeting never received/i.test(text)) {
    // A TLS port waits for the client to speak first, so a plain connection hears nothing.
    return {
      code: 'timeout',
      message: `${at} accepted the connection but said nothing. If this port uses TLS (993 or 465), choose TLS; otherwise check the port.`,
    };
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text)) {
    return {
      code: 'tls',
      message: `${at} did not answer with TLS. This port probably expects STARTTLS or a plain connection: use TLS on 993 or 465 and STARTTLS on 143 or 587.`,
    };
  }
  if (TLS_CODES.test(code) || /\bssl\b|\btls\b|certificate|handshake/i.test(text)) {
    return {
      code: 'tls',
      message: `A secure (TLS) connection to ${at} failed: ${opensslReason(e.message ?? code)}. Check the TLS setting: port 993/465 use TLS, 143/587 use STARTTLS.`,
    };
  }
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT' || code === 'CONNECT_TIMEOUT' || /timed? ?out/i.test(text)) {
    return {
      code: 'timeout',
      message: `${at} did not answer in time. Check the port and TLS setting, or your network.`,
    };
  }
  if (CLOSED_AT_ONCE.has(code)) {
    return {
      code: 'tls',
      message: `${at} closed the connection at once. The TLS setting is probably wrong for this port (993/465 use TLS, 143/587 use STARTTLS).`,
    };
  }
  return null;
}

const CLOSED_AT_ONCE: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'EPIPE',
  'NoConnection',
  'ClosedAfterConnectTLS',
  'ClosedAfterConnectText',
]);

/** Anything else: the server's own words. */
function explainUnexpected({ e, code, server, at }: Failure): Explained {
  // imapflow says only "Command failed"; the server's own words are in responseText.
  const said = (e.responseText ?? '').trim() || (e.message ?? code).trim() || 'unknown error';
  const command = (e.executedCommand ?? '').replace(/^\S+\s+/, '').trim();
  return {
    code: 'protocol',
    message: `The ${server.kind} server at ${at} answered unexpectedly: ${said.replace(/[.!?]$/, '')}.`,
    ...(e.responseStatus ? { detail: `${command} → ${e.responseStatus} ${said}`.trim() } : {}),
  };
}
