import { describe, expect, it } from 'vitest';
import { overlayPending } from '../../../src/main/service/teamOverlay';
import type { ThreadTeamRow } from '../../../src/main/store/repos/threadTeam';
import { lookupThread } from '../../../src/main/team/threads';
import { parseTeamEvent, type TeamEvent } from '../../../src/shared/teamEvents';
import { teamEvent, testLog, type EventFields } from './eventFactory';

const ALICE = 'alice@shop.example';
const BOB = 'bob@shop.example';
const CAROL = 'carol@shop.example';
const KEY = 'order-1042@shop.example';

function parsed(type: Parameters<typeof teamEvent>[0], fields: EventFields): TeamEvent {
  const result = parseTeamEvent(teamEvent(type, fields));
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

/** The list row of the thread as the fold leaves it. */
function rowOf(log: ReturnType<typeof testLog>): ThreadTeamRow {
  const thread = lookupThread(log.state, KEY);
  return {
    threadId: 1,
    teamKey: KEY,
    owner: thread?.owner ?? null,
    handoffTo: thread?.pendingHandoff?.to ?? null,
    status: 'open',
    statusAt: null,
    snoozedUntil: null,
    snoozedAt: null,
    promiseDue: null,
    notes: 0,
  };
}

describe("pending overlay (the fold's own ownership transitions)", () => {
  // Alice owns the thread and has offered it to Bob; her next action is still pending.
  const offered = (): { log: ReturnType<typeof testLog>; offerId: string } => {
    const log = testLog();
    const claim = log.append(teamEvent('claim', { actor: ALICE }));
    const offer = log.append(teamEvent('handoff.offer', { actor: ALICE, base: claim.id, payload: { to: BOB } }));
    return { log, offerId: offer.id };
  };

  it.each([
    ['assign', { payload: { to: CAROL } }],
    ['release', {}],
    ['handoff.decline', {}],
  ] as const)('%s shows the same owner and handoff the fold will', (type, extra) => {
    const { log, offerId } = offered();
    const pending = parsed(type, { actor: ALICE, base: offerId, ...extra });
    const shown = overlayPending(rowOf(log), [pending]);
    const confirmed = log.append(teamEvent(type, { actor: ALICE, base: offerId, ...extra, id: pending.id }));
    expect(confirmed.outcome.status).toBe('applied');
    expect({ owner: shown.owner, handoffTo: shown.handoffTo }).toEqual({
      owner: rowOf(log).owner,
      handoffTo: rowOf(log).handoffTo,
    });
  });

  it('an assign over a pending handoff clears the offer (it used to stay shown)', () => {
    const { log, offerId } = offered();
    const shown = overlayPending(rowOf(log), [
      parsed('assign', { actor: ALICE, base: offerId, payload: { to: CAROL } }),
    ]);
    expect(shown).toMatchObject({ owner: CAROL, handoffTo: null });
  });
});
