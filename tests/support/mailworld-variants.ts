/**
 * Dovecot configured to behave like other servers Promptly meets: a personal namespace
 * prefix `INBOX.` with `.` as separator (as Cyrus and Courier have), no CONDSTORE/QRESYNC
 * (as Microsoft 365 and Yahoo), and a bare IMAP4rev1 without IDLE, UIDPLUS or MOVE.
 */

/** How a Dovecot instance of the mail world differs from the default one. */
export interface DovecotVariant {
  /** Personal namespace prefix (RFC 2342), e.g. `INBOX.`. */
  prefix?: string;
  /** Hierarchy separator of that namespace. */
  separator?: string;
  /** The whole post-login CAPABILITY list, replacing Dovecot's own. */
  capability?: string;
}

/** Dovecot 2.3.19's own post-login capabilities, minus the ones a variant takes away. */
const DOVECOT_CAPABILITIES = [
  'IMAP4rev1',
  'SASL-IR',
  'LOGIN-REFERRALS',
  'ID',
  'ENABLE',
  'IDLE',
  'SORT',
  'SORT=DISPLAY',
  'THREAD=REFERENCES',
  'THREAD=REFS',
  'THREAD=ORDEREDSUBJECT',
  'MULTIAPPEND',
  'URL-PARTIAL',
  'CATENATE',
  'UNSELECT',
  'CHILDREN',
  'NAMESPACE',
  'UIDPLUS',
  'LIST-EXTENDED',
  'I18NLEVEL=1',
  'CONDSTORE',
  'QRESYNC',
  'ESEARCH',
  'ESORT',
  'SEARCHRES',
  'WITHIN',
  'CONTEXT=SEARCH',
  'LIST-STATUS',
  'BINARY',
  'MOVE',
  'SNIPPET=FUZZY',
  'PREVIEW=FUZZY',
  'PREVIEW',
  'STATUS=SIZE',
  'SAVEDATE',
  'LITERAL+',
  'NOTIFY',
  'SPECIAL-USE',
];

const without = (...names: string[]): string => DOVECOT_CAPABILITIES.filter((c) => !names.includes(c)).join(' ');

/** The variants the interop suite runs against, by name. */
export const DOVECOT_VARIANTS = {
  /** `INBOX.Sent`, `INBOX.Promptly Team Log`: every folder Promptly makes must carry the prefix. */
  'dovecot-prefix': { prefix: 'INBOX.', separator: '.' },
  /** Only the full UID/FLAGS diff is left for incremental sync. */
  'dovecot-no-condstore': { capability: without('CONDSTORE', 'QRESYNC') },
  /**
   * No push at all (changes arrive only when Promptly polls), no APPENDUID (appended
   * messages are found by Message-ID) and no MOVE.
   */
  'dovecot-no-idle': { capability: without('IDLE', 'NOTIFY', 'UIDPLUS', 'MOVE') },
} satisfies Record<string, DovecotVariant>;

/**
 * Rewrites the mail world's Dovecot configuration for a variant (pass as `adjustDovecot`):
 * the capability list replaced, the personal namespace given a prefix and separator.
 */
export function applyVariant(variant: DovecotVariant): (config: string) => string {
  return (config) => {
    const inbox = 'namespace inbox {\n  inbox = yes\n';
    if (!config.includes(inbox)) throw new Error('The Dovecot configuration has no inbox namespace to adjust.');
    const capability = variant.capability ? `imap_capability = ${variant.capability}\n` : '';
    const prefix = variant.prefix ? `  prefix = ${variant.prefix}\n  separator = ${variant.separator ?? '.'}\n` : '';
    return config.replace(inbox, `${capability}${inbox}${prefix}`);
  };
}
