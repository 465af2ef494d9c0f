import { describe, expect, it } from 'vitest';
import {
  isActive,
  observePresence,
  presenceDue,
  PRESENCE_HEARTBEAT_MS,
  PRESENCE_TTL_MS,
  replyingTo,
  type PresenceBoard,
} from '../../../src/main/team/presence';
import { teamEventSchema, type TeamEventOf } from '../../../src/shared/teamEvents';
import { teamEvent } from './eventFactory';

const bob = 'bob@acme.example';
const carol = 'carol@acme.example';
const thread = 'order-1042@shop.example';

function presence(actor: string, state: 'replying' | 'stopped', at: number): TeamEventOf<'presence'> {
  return teamEventSchema.parse(
    teamEvent('presence', { actor, thread, at, payload: { state } }),
  ) as TeamEventOf<'presence'>;
}

describe('who is replying', () => {
  it('counts for the TTL after the last heartbeat, then expires by itself', () => {
    const board: PresenceBoard = {};
    observePresence(board, presence(bob, 'replying', 1_000), 1_000);
    const [seen] = replyingTo(board, [thread], null, 1_000);
    expect(seen).toEqual({ actor: bob, thread, since: 1_000, seenAt: 1_000, stopped: false });
    expect(isActive(seen!, 1_000 + PRESENCE_TTL_MS - 1)).toBe(true);
    expect(isActive(seen!, 1_000 + PRESENCE_TTL_MS)).toBe(false);
    observePresence(board, presence(bob, 'replying', 61_000), 61_000);
    expect(replyingTo(board, [thread], null, 1_000 + PRESENCE_TTL_MS)).toEqual([
      { actor: bob, thread, since: 1_000, seenAt: 61_000, stopped: false },
    ]);
    expect(replyingTo(board, [thread], null, 61_000 + PRESENCE_TTL_MS)).toEqual([]);
  });

  it('clears on stop, leaves me out, and never counts from later than it was read', () => {
    const board: PresenceBoard = {};
    observePresence(board, presence(bob, 'replying', 10_000), 10_000);
    observePresence(board, presence(carol, 'replying', 900_000), 20_000); // Carol's clock runs ahead
    expect(replyingTo(board, [thread], null, 20_000).map((p) => [p.actor, p.seenAt])).toEqual([
      [bob, 10_000],
      [carol, 20_000],
    ]);
    expect(replyingTo(board, [thread], carol, 20_000).map((p) => p.actor)).toEqual([bob]);
    observePresence(board, presence(bob, 'stopped', 30_000), 30_000);
    expect(replyingTo(board, [thread], carol, 30_000)).toEqual([]);
    // A heartbeat read after the stop that was written before it does not bring it back.
    observePresence(board, presence(bob, 'replying', 25_000), 31_000);
    expect(replyingTo(board, [thread], carol, 31_000)).toEqual([]);
    // A new start after the stop counts again, from its own time.
    observePresence(board, presence(bob, 'replying', 40_000), 40_000);
    expect(replyingTo(board, [thread], carol, 40_000).map((p) => [p.actor, p.since])).toEqual([[bob, 40_000]]);
  });

  it('sends a start, a heartbeat at most once a minute, and one stop: bounded per reply', () => {
    expect(presenceDue(null, false, 0)).toBeNull();
    expect(presenceDue(null, true, 0)).toBe('replying');
    const started = { state: 'replying' as const, sentAt: 0 };
    expect(presenceDue(started, true, PRESENCE_HEARTBEAT_MS - 1)).toBeNull();
    expect(presenceDue(started, true, PRESENCE_HEARTBEAT_MS)).toBe('replying');
    expect(presenceDue(started, false, 5)).toBe('stopped');
    // Typing for ten minutes with a call every second: 1 start + 9 heartbeats + 1 stop.
    let last: { state: 'replying' | 'stopped'; sentAt: number } | null = null;
    let sent = 0;
    for (let now = 0; now < 600_000; now += 1_000) {
      const due = presenceDue(last, true, now);
      if (due) {
        last = { state: due, sentAt: now };
        sent += 1;
      }
    }
    if (presenceDue(last, false, 600_000)) sent += 1;
    expect(sent).toBe(1 + 9 + 1);
  });
});
