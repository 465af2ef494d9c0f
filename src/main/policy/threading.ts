/**
 * Threading rules, pure. A thread's key is the Message-ID of its root: the first entry
 * of References, else In-Reply-To, else the message's own Message-ID (ARCHITECTURE.md,
 * "Thread key"). Every replica derives the same key from the same headers.
 */

/** Strips angle brackets and whitespace; returns null for an empty or malformed id. */
export function normalizeMessageId(value: string): string | null {
  const trimmed = value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  if (trimmed === '' || /\s/.test(trimmed) || !trimmed.includes('@')) return null;
  return trimmed;
}

/** Extracts the `<id>` tokens of a References or In-Reply-To header (RFC 5322 §3.6.4). */
export function parseReferences(header: string): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const match of header.matchAll(/<([^<>\s]+)>|(\S+@\S+)/g)) {
    const id = normalizeMessageId(match[1] ?? match[2] ?? '');
    if (id !== null && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return ids;
}

/** The headers threading looks at. */
export interface ThreadingHeaders {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}

/** The stable key of the thread a message starts or joins. */
export function threadKeyOf(h: ThreadingHeaders): string {
  return h.references[0] ?? h.inReplyTo ?? h.messageId;
}

/** Every Message-ID that ties this message to others: itself, its parents, its ancestors. */
export function linkedMessageIds(h: ThreadingHeaders): string[] {
  const ids = new Set<string>(h.references);
  if (h.inReplyTo) ids.add(h.inReplyTo);
  ids.add(h.messageId);
  return [...ids];
}
