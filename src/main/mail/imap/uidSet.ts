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
 * Splits UIDs into chunks of at most `size`, newest (highest) first. The first chunk is
 * smaller (`first`), so the newest threads are on screen after one short round trip.
 */
export function newestFirstChunks(uids: number[], size: number, first = size): number[][] {
  const sorted = [...uids].sort((a, b) => b - a);
  const chunks: number[][] = [];
  let i = 0;
  if (first < size && sorted.length > 0) {
    chunks.push(sorted.slice(0, first));
    i = first;
  }
  for (; i < sorted.length; i += size) chunks.push(sorted.slice(i, i + size));
  return chunks;
}

/** Flags worth storing: \Recent is per-session (RFC 3501 §2.3.2) and would look like a change. */
export function persistentFlags(flags: Iterable<string> | undefined): string[] {
  return [...(flags ?? [])].filter((f) => f !== '\\Recent');
}
