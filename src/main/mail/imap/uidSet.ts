/** Compresses UIDs into an IMAP sequence set ("1:5,7,9:12", RFC 3501 §9 sequence-set). */
export function toSequenceSet(uids: number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const uid of sorted.slice(1)) {
    if (prev !== undefined && uid === prev + 1) {
      prev = uid;
      continue;
    }
    if (start !== undefined) parts.push(start === prev ? `${start}` : `${start}:${prev}`);
    start = uid;
    prev = uid;
  }
  if (start !== undefined) parts.push(start === prev ? `${start}` : `${start}:${prev}`);
  return parts.join(',');
}

/**
 * Splits UIDs into chunks newest (highest) first. The first chunk is small (`first`) and each
 * later one is as big as all before it together, up to `size`: the newest threads are on screen
 * after one short round trip, and however many messages the first screen needs, at most about
 * twice that many are fetched before it shows.
 */
export function newestFirstChunks(uids: number[], size: number, first = size): number[][] {
  const sorted = [...uids].sort((a, b) => b - a);
  const chunks: number[][] = [];
  let next = Math.max(1, Math.min(first, size));
  for (let i = 0; i < sorted.length;) {
    chunks.push(sorted.slice(i, i + next));
    i += next;
    next = Math.min(size, i);
  }
  return chunks;
}

/**
 * The UIDs of a sequence set as ESEARCH returns them ("1:5,7,9:12", RFC 4731 §3.1), ascending
 * within each part. A range may be written high to low (RFC 3501 §9 seq-range).
 */
export function expandSequenceSet(set: string): number[] {
  const out: number[] = [];
  for (const part of set.split(',')) {
    const [first = '', last = first] = part.split(':');
    const from = Number(first);
    const to = Number(last);
    if (!/^\d+$/.test(first) || !/^\d+$/.test(last) || from < 1 || to < 1)
      throw new Error(`The server sent an unreadable UID set: "${set}".`);
    for (let uid = Math.min(from, to); uid <= Math.max(from, to); uid++) out.push(uid);
  }
  return out;
}

/** Flags worth storing: \Recent is per-session (RFC 3501 §2.3.2) and would look like a change. */
export function persistentFlags(flags: Iterable<string> | undefined): string[] {
  return [...(flags ?? [])].filter((f) => f !== '\\Recent');
}
