/**
 * Subject rules, pure: the base subject of a message (reply/forward prefixes and list tags
 * stripped, RFC 5256 §2.1 in spirit) and the narrow subject fallback Promptly allows for
 * replies that lost their In-Reply-To and References headers.
 */

/**
 * Three days: how old a thread's last message may be for a headerless reply to join it. A
 * customer who writes "Re: Question" again a week later is usually asking something new.
 */
export const SUBJECT_FALLBACK_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

// Reply and forward markers seen in the wild: English, German (AW, WG), Scandinavian (SV, VS,
// VB), Dutch (Antw, Doorst), French (TR), Spanish/Portuguese (RV, RES, ENC), Italian (RIF),
// Polish (ODP), Turkish (YNT), Chinese (回复, 答复, 转发). An optional counter ("Re[2]:",
// "Re(3):") and a full-width colon are accepted.
const REPLY_PREFIX =
  /^(?:re|fwd?|aw|wg|sv|vs|vb|antw|doorst|tr|rv|res|enc|rif|odp|ynt|回复|答复|转发)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/iu;
const LIST_TAG = /^\[[^\]]*\]\s*/u;
const FWD_SUFFIX = /\s*\((?:fwd|fw)\)\s*$/iu;

interface Stripped {
  base: string;
  hadReplyPrefix: boolean;
}

function strip(subject: string): Stripped {
  let s = subject.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  let hadReplyPrefix = false;
  for (;;) {
    const before = s;
    s = s.replace(FWD_SUFFIX, '').trim();
    const prefix = REPLY_PREFIX.exec(s);
    if (prefix) {
      hadReplyPrefix = true;
      s = s.slice(prefix[0].length);
    } else {
      s = s.replace(LIST_TAG, '');
    }
    s = s.trim();
    if (s === before) return { base: s, hadReplyPrefix };
  }
}

/**
 * The base subject two messages of one conversation share: reply/forward prefixes
 * ("Re:", "Fwd:", "AW:", "SV:", "Antw:", "Re[2]:"), list tags ("[shop]") and a trailing
 * "(fwd)" removed in any interleaving, whitespace collapsed, case folded. Idempotent.
 */
export function normalizeSubject(subject: string): string {
  return strip(subject).base.toLowerCase();
}

/** True when the subject says "this answers or forwards something" ("[tag] Re: …" counts). */
export function isReplySubject(subject: string): boolean {
  return strip(subject).hadReplyPrefix;
}

/** The message looking for a thread by subject. */
export interface SubjectFallbackMessage {
  subject: string;
  /** The sender's address. */
  from: string;
  /** The message's date, epoch ms. */
  date: number;
  /** True when it carries any usable In-Reply-To or References id. */
  hasThreadingHeaders: boolean;
}

/** A thread the message might belong to. */
export interface SubjectFallbackCandidate {
  threadId: number;
  /** The thread's subject; normalised again here, so a raw subject is fine too. */
  normalizedSubject: string;
  /** The thread's customer addresses. Leave out the team's own, so a teammate never matches. */
  participants: string[];
  lastMessageAt: number;
}

/**
 * The thread a headerless reply joins by subject, or null. Subject matching alone merges
 * unrelated "Re: Question" mails, so it is allowed only when every guard holds: the message
 * has no threading headers (headers always win), its subject is a reply or forward, the
 * base subject is non-empty and equal, the sender is a customer participant of the thread,
 * and the thread's last message is within `windowMs` of the message. Among several matches
 * the most recently active thread wins (then the lowest id), so replicas agree.
 */
export function subjectFallbackCandidate(
  message: SubjectFallbackMessage,
  candidates: readonly SubjectFallbackCandidate[],
  windowMs: number = SUBJECT_FALLBACK_WINDOW_MS,
): number | null {
  if (message.hasThreadingHeaders || !isReplySubject(message.subject)) return null;
  const base = normalizeSubject(message.subject);
  if (base === '') return null;
  const sender = message.from.trim().toLowerCase();
  if (sender === '') return null;
  let best: SubjectFallbackCandidate | null = null;
  for (const c of candidates) {
    if (!fits(c, base, sender, message.date, windowMs)) continue;
    if (best === null || c.lastMessageAt > best.lastMessageAt) best = c;
    else if (c.lastMessageAt === best.lastMessageAt && c.threadId < best.threadId) best = c;
  }
  return best?.threadId ?? null;
}

function fits(c: SubjectFallbackCandidate, base: string, sender: string, date: number, windowMs: number): boolean {
  if (Math.abs(date - c.lastMessageAt) > windowMs) return false;
  if (normalizeSubject(c.normalizedSubject) !== base) return false;
  return c.participants.some((p) => p.trim().toLowerCase() === sender);
}
