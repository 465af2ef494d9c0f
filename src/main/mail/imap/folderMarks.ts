import type { ImapFlow } from 'imapflow';

/** The numbers that move when a folder changes: count, next UID and (with CONDSTORE) modseq. */
interface Mark {
  exists?: number;
  messages?: number;
  uidNext?: number;
  highestModseq?: bigint;
}

const key = (m: Mark | null): string =>
  m === null ? 'missing' : `${m.exists ?? m.messages ?? ''}/${m.uidNext ?? ''}/${m.highestModseq ?? ''}`;

/**
 * The last seen marks of watched folders, for servers that do not push every folder: one
 * STATUS per folder (RFC 3501 6.3.10; HIGHESTMODSEQ from RFC 7162 catches flag changes too)
 * tells whether a sync pass is needed, without selecting anything.
 */
export class FolderMarks {
  private readonly seen = new Map<string, string>();

  /** Records the current marks of `paths` (the baseline for later comparisons). */
  async take(client: ImapFlow, paths: string[]): Promise<void> {
    for (const path of paths) this.seen.set(path, key(await statusOf(client, path)));
  }

  /** Whether `path` moved since its last mark; records the new one. */
  changed(path: string, mark: Mark | null): boolean {
    const before = this.seen.get(path);
    const now = key(mark);
    this.seen.set(path, now);
    return before !== undefined && before !== now;
  }

  /** Checks every folder in `paths`; true when any of them moved. */
  async compare(client: ImapFlow, paths: string[]): Promise<boolean> {
    let moved = false;
    for (const path of paths) if (this.changed(path, await statusOf(client, path))) moved = true;
    return moved;
  }
}

async function statusOf(client: ImapFlow, path: string): Promise<Mark | null> {
  // RFC 3501 6.3.10: STATUS is not for the selected folder; its own state is the mark.
  const box = client.mailbox;
  if (box && box.path === path) return { exists: box.exists, uidNext: box.uidNext, highestModseq: box.highestModseq };
  try {
    const status = await client.status(path, {
      messages: true,
      uidNext: true,
      highestModseq: client.capabilities.has('CONDSTORE'),
    });
    return status || null;
  } catch (error) {
    // A folder that does not exist yet (the team log before the first pass) has no mark.
    if (!client.usable) throw error;
    return null;
  }
}
