/** One autocompletion for the search box. */
export interface Suggestion {
  /** What replaces the word being typed. */
  insert: string;
  label: string;
  hint: string;
}

/** Operators the service understands today (is:/owner: arrive with the team calls). */
export const OPERATORS: readonly Suggestion[] = [
  { insert: 'from:', label: 'from:', hint: 'sender name, address or domain' },
  { insert: 'to:', label: 'to:', hint: 'recipient (To or Cc)' },
  { insert: 'subject:', label: 'subject:', hint: 'word in the subject' },
  { insert: 'after:', label: 'after:YYYY-MM-DD', hint: 'on or after a day' },
  { insert: 'before:', label: 'before:YYYY-MM-DD', hint: 'before a day' },
  { insert: 'has:attachment ', label: 'has:attachment', hint: 'with attachments' },
];

function isoDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The word under the caret: where it starts and what it says. */
export function currentWord(text: string, caret: number): { start: number; word: string } {
  const before = text.slice(0, caret);
  const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
  return { start, word: before.slice(start) };
}

/**
 * Completions for the word being typed: operator names as they are started (`fr` → `from:`),
 * then values where they are known (`after:` → today, a week ago; `from:` → recent senders).
 */
export function suggest(word: string, now: Date, senders: readonly string[] = []): Suggestion[] {
  const bare = word.replace(/^-/, '');
  const neg = word.startsWith('-') ? '-' : '';
  if (bare.length === 0) return [];
  const colon = bare.indexOf(':');
  if (colon === -1)
    return OPERATORS.filter((o) => o.insert.startsWith(bare.toLowerCase()) && o.insert !== bare).map((o) => ({
      ...o,
      insert: neg + o.insert,
    }));
  const op = bare.slice(0, colon + 1).toLowerCase();
  const value = bare.slice(colon + 1).toLowerCase();
  if (op === 'after:' || op === 'before:') {
    const week = new Date(now.getTime() - 7 * 86_400_000);
    const month = new Date(now.getFullYear(), now.getMonth(), 1);
    return [
      { day: isoDay(now), hint: 'today' },
      { day: isoDay(week), hint: 'a week ago' },
      { day: isoDay(month), hint: 'start of this month' },
    ]
      .filter((d) => d.day.startsWith(value) && d.day !== value)
      .map((d) => ({ insert: `${neg}${op}${d.day} `, label: `${op}${d.day}`, hint: d.hint }));
  }
  if (op === 'has:')
    return 'attachment'.startsWith(value) && value !== 'attachment'
      ? [{ insert: `${neg}has:attachment `, label: 'has:attachment', hint: 'with attachments' }]
      : [];
  if (op === 'from:' || op === 'to:')
    return senders
      .filter((s) => s.toLowerCase().includes(value) && s.toLowerCase() !== value)
      .slice(0, 6)
      .map((s) => ({ insert: `${neg}${op}${s} `, label: `${op}${s}`, hint: 'recent sender' }));
  return [];
}
