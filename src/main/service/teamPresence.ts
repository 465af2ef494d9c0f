import type { ImapFlow } from 'imapflow';
import type { ReplyingView } from '../../shared/team';
import type { TeamEvent } from '../../shared/teamEvents';
import { parseTeamEvent, type TeamLogEntry } from '../../shared/teamEvents';
import { appendMessage } from '../mail/imap/append';
import { TEAM_LOG_FOLDER, teamLogPath } from '../mail/imap/teamLogFolder';
import { teamEventMessageId } from '../team/eventMessage';
import {
  expiresAt,
  observePresence,
  presenceDue,
  PRESENCE_TTL_MS,
  replyingTo,
  type OwnPresence,
  type PresenceBoard,
} from '../team/presence';

/** A presence event ready to append. */
export interface OutgoingPresence {
  event: TeamEvent;
  raw: Buffer;
}

/**
 * Who is replying where, for one account: teammates' presence read from the log, and this
 * computer's own, sent when the composer's state calls for it (team/presence.ts). Presence is
 * ephemeral: it is appended straight from memory on the next pass, never queued to disk, and
 * dropped if it could not go out before it would have expired anyway.
 */
export class TeamPresence {
  private board: PresenceBoard = {};
  private readonly own = new Map<number, OwnPresence>();
  private outgoing: OutgoingPresence[] = [];

  constructor(private readonly now: () => number) {}

  /**
   * The composer of a local thread holds text (`replying`) or not. Returns the event's state
   * when one is due; `draft` builds it (the team engine knows the thread key and who I am).
   */
  composerChanged(
    threadId: number,
    replying: boolean,
    draft: (state: 'replying' | 'stopped') => OutgoingPresence,
  ): 'replying' | 'stopped' | null {
    const now = this.now();
    const due = presenceDue(this.own.get(threadId) ?? null, replying, now);
    if (due === null) return null;
    this.outgoing.push(draft(due));
    if (due === 'stopped') this.own.delete(threadId);
    else this.own.set(threadId, { state: due, sentAt: now });
    return due;
  }

  /** Appends what is waiting, oldest first. A refused or stale presence is dropped, not retried. */
  async flush(client: ImapFlow): Promise<number> {
    const waiting = this.outgoing;
    this.outgoing = [];
    let appended = 0;
    for (const { event, raw } of waiting) {
      if (this.now() - event.at >= PRESENCE_TTL_MS) continue;
      try {
        await appendMessage(client, {
          path: teamLogPath(client),
          folderName: TEAM_LOG_FOLDER,
          raw,
          messageId: teamEventMessageId(event.id),
          flags: ['\\Seen'],
          what: 'who is replying',
        });
        appended += 1;
      } catch {
        // Ephemeral: the next heartbeat says it again.
      }
    }
    return appended;
  }

  /** Notes the presence events among new log entries; returns the thread keys they named. */
  observe(entries: readonly TeamLogEntry[]): Set<string> {
    const touched = new Set<string>();
    const readAt = this.now();
    for (const entry of entries) {
      const parsed = parseTeamEvent(entry.event);
      if (!parsed.ok || parsed.event.type !== 'presence') continue;
      observePresence(this.board, parsed.event, readAt);
      touched.add(parsed.event.thread);
    }
    return touched;
  }

  /** Teammates replying now to the conversation known by any of `keys`, without me. */
  replying(keys: readonly string[], me: string | null, nameOf: (address: string) => string): ReplyingView[] {
    return replyingTo(this.board, keys, me, this.now()).map((p) => ({
      address: p.actor,
      name: nameOf(p.actor),
      since: p.since,
      until: expiresAt(p),
    }));
  }
}
