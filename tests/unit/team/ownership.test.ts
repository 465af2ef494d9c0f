import { describe, expect, it } from 'vitest';
import { findTeamThread } from '../../../src/main/team/threads';
import type { TeamState, TeamThread } from '../../../src/main/team/state';
import { teamEvent, testId, testLog } from './eventFactory';

const alice = 'alice@acme.example';
const bob = 'bob@acme.example';
const carol = 'carol@acme.example';
const KEY = 'order-1042@shop.example';

function thread(state: TeamState): TeamThread {
  const found = findTeamThread(state, [KEY]);
  if (!found) throw new Error('thread not in state');
  return found;
}

/** A log where alice has claimed the thread; returns the log and the claim's id (the base). */
function claimedByAlice() {
  const log = testLog();
  const claim = log.append(teamEvent('claim', { actor: alice }));
  return { log, base: claim.id };
}

describe('claim', () => {
  it('gives an unowned thread to the claimer', () => {
    const log = testLog();
    const { outcome } = log.append(teamEvent('claim', { actor: alice }));
    expect(outcome).toEqual({ status: 'applied', actorIsTeammate: false });
    expect(thread(log.state).owner).toBe(alice);
  });

  it('lets the first of two concurrent claims win and tells the loser who won', () => {
    const log = testLog();
    const first = log.append(teamEvent('claim', { actor: alice, base: null, at: 1_000 }));
    const second = log.append(teamEvent('claim', { actor: bob, base: null }));
    expect(second.outcome).toMatchObject({
      status: 'lost',
      winner: alice,
      winnerUid: first.uid,
      winnerAt: 1_000,
      winnerType: 'claim',
      ownerNow: alice,
      message: 'alice@acme.example claimed this first',
    });
    expect(thread(log.state).owner).toBe(alice);
  });

  it('refuses to take a thread someone owns, even with a current base', () => {
    const { log, base } = claimedByAlice();
    const { outcome } = log.append(teamEvent('claim', { actor: bob, base }));
    expect(outcome).toMatchObject({
      status: 'lost',
      winner: alice,
      message: `${alice} owns this thread; ask them to hand it off`,
    });
    expect(thread(log.state).owner).toBe(alice);
  });

  it('re-claiming your own thread applies and moves the base', () => {
    const { log, base } = claimedByAlice();
    const again = log.append(teamEvent('claim', { actor: alice, base }));
    expect(again.outcome.status).toBe('applied');
    expect(thread(log.state).lastOwnershipChange?.eventId).toBe(again.id);
  });

  it('ignores a base that names an ownership change the log never had', () => {
    const log = testLog();
    const { outcome } = log.append(teamEvent('claim', { actor: alice, base: testId(999_999) }));
    expect(outcome.status).toBe('ignored');
    expect(findTeamThread(log.state, [KEY])).toBeNull();
  });
});

describe('assign and release', () => {
  it('assigns to a teammate with a current base, whoever owned it', () => {
    const { log, base } = claimedByAlice();
    expect(log.append(teamEvent('assign', { actor: carol, base, payload: { to: bob } })).outcome.status).toBe(
      'applied',
    );
    expect(thread(log.state).owner).toBe(bob);
  });

  it('loses an assignment made from a stale view and says who owns it now', () => {
    const { log } = claimedByAlice();
    const { outcome } = log.append(teamEvent('assign', { actor: carol, base: null, payload: { to: bob } }));
    expect(outcome).toMatchObject({
      status: 'lost',
      message: 'alice@acme.example claimed this first',
      ownerNow: alice,
    });
  });

  it('releases only by the owner', () => {
    const { log, base } = claimedByAlice();
    expect(log.append(teamEvent('release', { actor: bob, base })).outcome).toEqual({
      status: 'ignored',
      reason: `only ${alice} can release it`,
    });
    expect(log.append(teamEvent('release', { actor: alice, base })).outcome.status).toBe('applied');
    expect(thread(log.state).owner).toBeNull();
  });

  it('reports a release in between as the reason a claim lost, and that nobody owns it', () => {
    const { log, base } = claimedByAlice();
    const release = log.append(teamEvent('release', { actor: alice, base }));
    const late = log.append(teamEvent('assign', { actor: bob, base, payload: { to: bob } }));
    expect(late.outcome).toMatchObject({
      status: 'lost',
      winnerUid: release.uid,
      ownerNow: null,
      message: 'alice@acme.example released this first; nobody owns it now',
    });
  });
});

describe('handoff', () => {
  function offered() {
    const { log, base } = claimedByAlice();
    const offer = log.append(teamEvent('handoff.offer', { actor: alice, base, payload: { to: carol } }));
    return { log, base: offer.id, offerUid: offer.uid };
  }

  it('keeps the thread with the giver until the target accepts', () => {
    const { log, offerUid, base } = offered();
    expect(thread(log.state)).toMatchObject({
      owner: alice,
      pendingHandoff: { from: alice, to: carol, uid: offerUid, eventId: base, message: '' },
    });
    expect(log.append(teamEvent('handoff.accept', { actor: carol, base })).outcome.status).toBe('applied');
    expect(thread(log.state)).toMatchObject({ owner: carol, pendingHandoff: null });
  });

  it('ignores an accept by anyone but the target', () => {
    const { log, base } = offered();
    expect(log.append(teamEvent('handoff.accept', { actor: bob, base })).outcome).toEqual({
      status: 'ignored',
      reason: `only ${carol} can accept this handoff`,
    });
    expect(thread(log.state).owner).toBe(alice);
  });

  it('keeps the giver when the target declines, and a later accept then loses', () => {
    const { log, base } = offered();
    expect(
      log.append(teamEvent('handoff.decline', { actor: carol, base, payload: { reason: 'on leave' } })).outcome.status,
    ).toBe('applied');
    expect(thread(log.state)).toMatchObject({ owner: alice, pendingHandoff: null });
    expect(log.append(teamEvent('handoff.accept', { actor: carol, base })).outcome).toMatchObject({
      status: 'lost',
      winnerType: 'handoff.decline',
      message: 'carol@acme.example declined the handoff first; alice@acme.example owns it now',
    });
  });

  it('lets the giver withdraw an offer', () => {
    const { log, base } = offered();
    expect(log.append(teamEvent('handoff.decline', { actor: alice, base })).outcome.status).toBe('applied');
    expect(thread(log.state).pendingHandoff).toBeNull();
  });

  it('refuses offers by non-owners, to oneself, and answers with nothing pending', () => {
    const { log, base } = claimedByAlice();
    const byBob = log.append(teamEvent('handoff.offer', { actor: bob, base, payload: { to: carol } }));
    expect(byBob.outcome).toEqual({ status: 'ignored', reason: `only ${alice} can hand it off` });
    const toSelf = log.append(teamEvent('handoff.offer', { actor: alice, base, payload: { to: alice } }));
    expect(toSelf.outcome).toEqual({ status: 'ignored', reason: 'a handoff needs another teammate' });
    const accept = log.append(teamEvent('handoff.accept', { actor: carol, base }));
    expect(accept.outcome).toEqual({ status: 'ignored', reason: 'no handoff is pending on this thread' });
  });

  it('clears a pending handoff when the thread is assigned elsewhere', () => {
    const { log, base } = offered();
    log.append(teamEvent('assign', { actor: bob, base, payload: { to: bob } }));
    expect(thread(log.state)).toMatchObject({ owner: bob, pendingHandoff: null });
  });
});

describe('commutative events and the base', () => {
  it('applies notes whatever their base and never moves the base', () => {
    const { log, base } = claimedByAlice();
    const note = log.append(
      teamEvent('note', {
        actor: bob,
        base: testId(424_242),
        payload: { text: 'Called them @carol', mentions: [carol] },
      }),
    );
    expect(note.outcome.status).toBe('applied');
    expect(thread(log.state).lastOwnershipChange?.eventId).toBe(base);
    expect(log.append(teamEvent('release', { actor: alice, base })).outcome.status).toBe('applied');
    expect(thread(log.state).notes).toEqual([
      expect.objectContaining({ uid: note.uid, actor: bob, text: 'Called them @carol', mentions: [carol] }),
    ]);
  });

  it('does not move the base for lost or ignored ownership events', () => {
    const { log, base } = claimedByAlice();
    log.append(teamEvent('claim', { actor: bob, base: null }));
    log.append(teamEvent('release', { actor: bob, base }));
    expect(thread(log.state).lastOwnershipChange?.eventId).toBe(base);
  });
});
