/**
 * Threading rules, pure. A message names its conversation's root: the first entry of
 * References, else In-Reply-To, else its own Message-ID. A conversation's key is the root its
 * messages lead to (`conversationKey`, docs/ARCHITECTURE.md "Thread key"), so every replica
 * derives the same key from the same messages, whatever order they arrived in.
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

/** The raw threading headers of a message and the addresses it names (From, To, Cc). */
export interface RawThreadingHeaders {
  inReplyTo: string;
  references: string;
  addresses: readonly string[];
}

/**
 * In-Reply-To and References as threading uses them. Older clients (exmh, nmh, some
 * webmails) write In-Reply-To as prose with the replied-to sender's address in angle
 * brackets before the Message-ID ("Message from Ann <ann@x> of "Tue, …" <id@x>"), so only
 * bracketed tokens that are not a mail address of this message count, and the last one wins;
 * a parent that References also names is preferred (JWZ, "the last element of References
 * is the parent"). References sheds the same address tokens.
 */
export function threadingHeaders(raw: RawThreadingHeaders): { inReplyTo: string | null; references: string[] } {
  const addresses = new Set(raw.addresses.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''));
  const notAnAddress = (id: string): boolean => !addresses.has(id.toLowerCase());
  const references = parseReferences(raw.references).filter(notAnAddress);
  const bracketed = [...raw.inReplyTo.matchAll(/<([^<>]+)>/g)].map((m) => normalizeMessageId(m[1] ?? ''));
  const tokens = (bracketed.length > 0 ? bracketed : parseReferences(raw.inReplyTo))
    .filter((id): id is string => id !== null)
    .filter(notAnAddress)
    .filter((id) => !looksLikeSenderPhrase(raw.inReplyTo, id));
  const inReferences = tokens.filter((id) => references.includes(id));
  const inReplyTo = inReferences.at(-1) ?? tokens.at(-1) ?? null;
  return { inReplyTo, references };
}

/** True when `id` follows "from Name": the replied-to sender in prose, not a Message-ID. */
function looksLikeSenderPhrase(header: string, id: string): boolean {
  const at = header.indexOf(`<${id}>`);
  return at >= 0 && /\bfrom\s+[^<>]*$/i.test(header.slice(0, at));
}

/** The headers threading looks at. */
export interface ThreadingHeaders {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}

/** The root this message names: the key of the thread it starts or joins, as far as it knows. */
export function threadKeyOf(h: ThreadingHeaders): string {
  return h.references[0] ?? h.inReplyTo ?? h.messageId;
}

/**
 * A conversation's key as a function of its messages alone: start at its earliest message (by
 * date, then Message-ID) and follow the root each message names through the conversation's own
 * messages until one names itself or names one that is not here (JWZ's root, also when a reply
 * carries only In-Reply-To). `inConversation` finds a message of the conversation by its id.
 * A loop of references ends where it closes.
 */
export function conversationKey(
  earliest: ThreadingHeaders,
  inConversation: (messageId: string) => ThreadingHeaders | null,
): string {
  const seen = new Set([earliest.messageId]);
  let key = threadKeyOf(earliest);
  for (let m = inConversation(key); m !== null && !seen.has(key); m = inConversation(key)) {
    seen.add(key);
    key = threadKeyOf(m);
  }
  return key;
}

/** Every Message-ID that ties this message to others: itself, its parents, its ancestors. */
export function linkedMessageIds(h: ThreadingHeaders): string[] {
  const ids = new Set<string>(h.references);
  if (h.inReplyTo) ids.add(h.inReplyTo);
  ids.add(h.messageId);
  return [...ids];
}
