import { XMLParser } from 'fast-xml-parser';
import type { DiscoveredSettings, OAuthProvider } from '../../../shared/discovery';
import type { TlsMode } from '../../../shared/types';
import { validHost, validPort } from './validate';

/** One <incomingServer> or <outgoingServer> element, as the parser leaves it. */
interface ServerElement {
  '@_type'?: string;
  hostname?: unknown;
  port?: unknown;
  socketType?: unknown;
  authentication?: unknown[];
  username?: unknown;
}

/** A server read from the document, placeholders filled in. */
interface ServerEntry {
  host: string;
  port: number;
  tls: TlsMode;
  auth: string[];
  user?: string;
}

// Entities stay unexpanded: a hostile document cannot grow itself through DOCTYPE entities.
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  processEntities: false,
  isArray: (name) => ['emailProvider', 'incomingServer', 'outgoingServer', 'authentication'].includes(name),
});

const SOCKET_TYPES: Record<string, TlsMode> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };

/** Fills the placeholders the autoconfig format defines for the address (%EMAILADDRESS% …). */
function fill(text: string, address: string): string {
  const at = address.lastIndexOf('@');
  return text
    .replaceAll('%EMAILADDRESS%', address)
    .replaceAll('%EMAILLOCALPART%', address.slice(0, at))
    .replaceAll('%EMAILDOMAIN%', address.slice(at + 1));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function serverEntry(element: ServerElement, address: string): ServerEntry | null {
  const host = fill(text(element.hostname), address).toLowerCase();
  const port = Number(text(element.port));
  const tls = SOCKET_TYPES[text(element.socketType)];
  if (!validHost(host) || !validPort(port) || !tls) return null;
  const user = fill(text(element.username), address);
  return { host, port, tls, auth: (element.authentication ?? []).map(text), ...(user ? { user } : {}) };
}

/** The first usable server of a kind, preferring an encrypted one (RFC 8314). */
function pick(elements: ServerElement[] | undefined, type: string, address: string): ServerEntry | null {
  const entries = (elements ?? [])
    .filter((e) => e['@_type'] === type)
    .map((e) => serverEntry(e, address))
    .filter((e): e is ServerEntry => e !== null);
  return entries.find((e) => e.tls !== 'none') ?? entries[0] ?? null;
}

/** Which OAuth2 sign-in a host belongs to, when Promptly knows it. */
function oauthProviderOf(host: string): OAuthProvider | undefined {
  if (/(^|\.)(office365|outlook)\.com$/.test(host)) return 'microsoft';
  if (/(^|\.)(gmail|googlemail|google)\.com$/.test(host)) return 'google';
  return undefined;
}

/**
 * Reads a Thunderbird autoconfig document (config-v1.1.xml: clientConfig / emailProvider /
 * incomingServer type="imap" and outgoingServer type="smtp") for `address`. Throws an Error
 * saying in words what is missing when the document cannot be used.
 */
export function parseAutoconfigXml(xml: string, address: string): DiscoveredSettings {
  let document: { clientConfig?: { emailProvider?: Array<Record<string, ServerElement[] | undefined>> } };
  try {
    document = parser.parse(xml, true) as typeof document;
  } catch (error) {
    throw new Error(`not valid XML (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
  const provider = document.clientConfig?.emailProvider?.[0];
  if (!provider) throw new Error('not an autoconfig document (no clientConfig/emailProvider)');
  const imap = pick(provider.incomingServer, 'imap', address);
  if (!imap) throw new Error('it names no usable IMAP server');
  const smtp = pick(provider.outgoingServer, 'smtp', address);
  if (!smtp) throw new Error('it names no usable SMTP server');
  const oauthProvider = oauthProviderOf(imap.host);
  const passwordless = !imap.auth.some((a) => a.startsWith('password')) && imap.auth.includes('OAuth2');
  return {
    imapHost: imap.host,
    imapPort: imap.port,
    imapTls: imap.tls,
    smtpHost: smtp.host,
    smtpPort: smtp.port,
    smtpTls: smtp.tls,
    ...(imap.user ? { user: imap.user } : {}),
    ...(passwordless && oauthProvider ? { auth: 'oauth2', oauthProvider } : { auth: 'password' }),
  };
}
