import { describe, expect, it } from 'vitest';
import { baseFor, draftTeamEvent, threadActivity } from '../../../src/main/team/draft';
import { applyEvent, fold, outcomeFor } from '../../../src/main/team/fold';
import { emptyTeamState } from '../../../src/main/team/state';
import { findTeamThread } from '../../../src/main/team/threads';
import { teamEvent, testId, testLog } from './eventFactory';

const alice = 'alice@acme.example';
const bob = 'bob@acme.example';
const KEY = 'order-1042@shop.example';

describe('thread status, snooze and promises', () => {
  it('lets the later of close and reopen win and clears the snooze on close', () => {
    const log = testLog();
    log.append(teamEvent('snooze', { actor: alice, payload: { until: 5_000 } }));
    expect(findTeamThread(log.state, [KEY])?.snooze).toEqual({ until: 5_000, actor: alice, uid: 1 });
    log.append(teamEvent('close', { actor: bob }));
    expect(findTeamThread(log.state, [KEY])).toMatchObject({ status: 'closed', snooze: null });
    log.append(teamEvent('reopen', { actor: alice }));
    log.append(teamEvent('waiting', { actor: alice }));
    expect(findTeamThread(log.state, [KEY])?.status).toBe('waiting');
  });

  it('ends a snooze with until = null and records promises', () => {
    const log = testLog();
    log.append(teamEvent('snooze', { actor: alice, payload: { until: 5_000 } }));
    log.append(teamEvent('snooze', { actor: alice, payload: { until: null } }));
    const promise = log.append(teamEvent('promise', { actor: bob, at: 10, payload: { due: 99_000, text: 'Friday' } }));
    expect(findTeamThread(log.state, [KEY])).toMatchObject({
      snooze: null,
      promises: [{ uid: promise.uid, eventId: promise.id, actor: bob, due: 99_000, text: 'Friday', at: 10 }],
    });
  });
});

describe('thread keys, split and merge', () => {
  it('attaches an event keyed by a reply to the thread its known ids name', () => {
    const log = testLog();
    log.append(teamEvent('claim', { actor: alice, known: [KEY, 'reply-1@shop.example'] }));
    const note = log.append(
      teamEvent('note', { actor: bob, thread: 'reply-1@shop.example', payload: { text: 'hi', mentions: [] } }),
    );
    expect(outcomeFor(log.state, note.id)?.thread).toBe(KEY);
    expect(findTeamThread(log.state, ['reply-1@shop.example'])?.notes).toHaveLength(1);
  });

  it('learns a new key from known ids when the first event used a reply as key', () => {
    const log = testLog();
    log.append(teamEvent('note', { actor: bob, thread: 'reply-1@x', payload: { text: 'a', mentions: [] } }));
    log.append(
      teamEvent('note', {
        actor: alice,
        thread: 'root@x',
        known: ['root@x', 'reply-1@x'],
        payload: { text: 'b', mentions: [] },
      }),
    );
    expect(findTeamThread(log.state, ['root@x'])?.key).toBe('reply-1@x');
    expect(findTeamThread(log.state, ['root@x'])?.notes).toHaveLength(2);
  });

  it('splits messages into a new, unowned thread that later events follow', () => {
    const log = testLog();
    log.append(teamEvent('claim', { actor: alice, known: [KEY, 'm2@x', 'm3@x'] }));
    const split = log.append(teamEvent('split', { actor: bob, payload: { messageIds: ['m3@x'], newThread: 'm3@x' } }));
    expect(split.outcome.status).toBe('applied');
    expect(findTeamThread(log.state, ['m3@x'])).toMatchObject({ key: 'm3@x', owner: null, splitFrom: KEY });
    expect(findTeamThread(log.state, ['m2@x'])?.key).toBe(KEY);
    expect(log.state.threadFixes).toEqual([1]);
    const again = log.append(teamEvent('split', { actor: bob, payload: { messageIds: ['m2@x'], newThread: 'm3@x' } }));
    expect(again.outcome).toEqual({ status: 'ignored', reason: 'the new conversation key is already in use' });
  });

  it('merges a thread into another: later events for it land on the target, timeline joins', () => {
    const log = testLog();
    log.append(teamEvent('claim', { actor: alice, thread: 'b@x' }));
    log.append(teamEvent('note', { actor: bob, thread: 'a@x', payload: { text: 'old', mentions: [] } }));
    const merge = log.append(teamEvent('merge', { actor: bob, thread: 'a@x', payload: { into: 'b@x' } }));
    expect(merge.outcome.status).toBe('applied');
    const note = log.append(teamEvent('note', { actor: bob, thread: 'a@x', payload: { text: 'new', mentions: [] } }));
    expect(outcomeFor(log.state, note.id)?.thread).toBe('b@x');
    expect(findTeamThread(log.state, ['a@x'])).toMatchObject({ key: 'b@x', owner: alice, mergedFrom: ['a@x'] });
    expect(threadActivity(log.state, ['b@x']).map((r) => r.uid)).toEqual([1, 2, 3, 4]);
    const self = log.append(teamEvent('merge', { actor: bob, thread: 'a@x', payload: { into: 'b@x' } }));
    expect(self.outcome).toEqual({ status: 'ignored', reason: 'these conversations are already one' });
  });

  it('keeps merges flat: a thread merged twice over points at the live one', () => {
    const log = testLog();
    log.append(teamEvent('merge', { actor: bob, thread: 'a@x', payload: { into: 'b@x' } }));
    log.append(teamEvent('merge', { actor: bob, thread: 'b@x', payload: { into: 'c@x' } }));
    expect(log.state.threads['a@x']?.mergedInto).toBe('c@x');
    expect(findTeamThread(log.state, ['a@x'])?.key).toBe('c@x');
    const cycle = log.append(teamEvent('merge', { actor: bob, thread: 'c@x', payload: { into: 'a@x' } }));
    expect(cycle.outcome.status).toBe('ignored');
  });
});

describe('team-wide events', () => {
  it('upserts and deletes templates, last write wins', () => {
    const log = testLog();
    const templateId = testId(77);
    log.append(
      teamEvent('template.upsert', {
        actor: alice,
        payload: { templateId, name: 'Thanks', subject: null, body: 'v1' },
      }),
    );
    log.append(
      teamEvent('template.upsert', { actor: bob, payload: { templateId, name: 'Thanks', subject: 'Re', body: 'v2' } }),
    );
    expect(log.state.templates[templateId]).toMatchObject({ body: 'v2', subject: 'Re', updatedBy: bob, uid: 2 });
    expect(log.append(teamEvent('template.delete', { actor: alice, payload: { templateId } })).outcome.status).toBe(
      'applied',
    );
    expect(log.state.templates).toEqual({});
    expect(log.append(teamEvent('template.delete', { actor: alice, payload: { templateId } })).outcome.status).toBe(
      'ignored',
    );
  });

  it('keeps the latest policy as opaque JSON', () => {
    const log = testLog();
    log.append(teamEvent('policy.change', { actor: alice, payload: { policy: { courtesyHours: 24 } } }));
    log.append(
      teamEvent('policy.change', { actor: bob, payload: { policy: { courtesyHours: 8, tz: 'Europe/Berlin' } } }),
    );
    expect(log.state.policy).toEqual({
      policy: { courtesyHours: 8, tz: 'Europe/Berlin' },
      actor: bob,
      uid: 2,
      at: expect.any(Number),
    });
  });

  it('builds the roster from profiles and flags actors who are not teammates without hiding them', () => {
    const log = testLog();
    const stranger = log.append(
      teamEvent('note', { actor: 'mallory@evil.example', payload: { text: 'x', mentions: [] } }),
    );
    expect(stranger.outcome).toEqual({ status: 'applied', actorIsTeammate: false });
    expect(findTeamThread(log.state, [KEY])?.notes[0]?.actorIsTeammate).toBe(false);
    log.append(teamEvent('profile', { actor: alice, payload: { name: 'Alice Example' } }));
    expect(log.append(teamEvent('claim', { actor: alice })).outcome).toEqual({
      status: 'applied',
      actorIsTeammate: true,
    });
    expect(log.state.roster[alice]).toEqual({ address: alice, name: 'Alice Example', active: true, uid: 2 });
    log.append(teamEvent('profile', { actor: alice, payload: { name: 'Alice Example', active: false } }));
    expect(log.append(teamEvent('close', { actor: alice })).outcome).toEqual({
      status: 'applied',
      actorIsTeammate: false,
    });
  });
});

describe('the log as a whole', () => {
  it('ignores a second copy of an event (an APPEND retried after a lost reply)', () => {
    const log = testLog();
    const claim = teamEvent('claim', { actor: alice });
    log.append(claim);
    log.append(claim);
    expect(log.state.log[1]?.outcome).toEqual({ status: 'ignored', reason: 'duplicate of UID 1' });
    expect(outcomeFor(log.state, claim.id)?.uid).toBe(1);
  });

  it('skips UIDs it has already applied, so re-feeding a range is harmless', () => {
    const claim = teamEvent('claim', { actor: alice });
    const state = fold([{ uid: 7, event: claim }]);
    const before = JSON.stringify(state);
    applyEvent(state, { uid: 7, event: teamEvent('claim', { actor: bob }) });
    applyEvent(state, { uid: 3, event: teamEvent('claim', { actor: bob }) });
    applyEvent(state, { uid: 1.5, event: teamEvent('claim', { actor: bob }) });
    expect(JSON.stringify(state)).toBe(before);
  });

  it('folds in UID order whatever order entries arrive in', () => {
    const a = teamEvent('claim', { actor: alice });
    const b = teamEvent('claim', { actor: bob });
    const state = fold([
      { uid: 9, event: b },
      { uid: 4, event: a },
    ]);
    expect(findTeamThread(state, [KEY])?.owner).toBe(alice);
    expect(outcomeFor(state, b.id)?.outcome.status).toBe('lost');
  });

  it('answers null for events the log has not shown yet', () => {
    expect(outcomeFor(emptyTeamState(), testId(1))).toBeNull();
  });

  it('survives a JSON snapshot and goes on from it', () => {
    const log = testLog();
    log.append(teamEvent('claim', { actor: alice }));
    const snapshot = JSON.parse(JSON.stringify(log.state));
    const base = baseFor(snapshot, [KEY]);
    applyEvent(snapshot, { uid: 2, event: teamEvent('release', { actor: alice, base }) });
    expect(findTeamThread(snapshot, [KEY])?.owner).toBeNull();
  });
});

describe('drafting new events', () => {
  const context = (n: number, pending = [] as ReturnType<typeof draftTeamEvent>[]) => ({
    actor: alice,
    id: testId(n),
    at: 1_000 + n,
    pending,
  });

  it('fills in the base from the folded state and validates', () => {
    const log = testLog();
    const claim = log.append(teamEvent('claim', { actor: bob }));
    const draft = draftTeamEvent(log.state, { type: 'release', thread: KEY, known: [], payload: {} }, context(500));
    expect(draft).toMatchObject({ v: 1, id: testId(500), actor: alice, base: claim.id, type: 'release' });
    expect(() =>
      draftTeamEvent(log.state, { type: 'assign', thread: KEY, known: [], payload: { to: 'nope' } }, context(501)),
    ).toThrow();
  });

  it('bases an offline follow-up on the author’s own pending event', () => {
    const state = emptyTeamState();
    const claim = draftTeamEvent(state, { type: 'claim', thread: KEY, known: [], payload: {} }, context(600));
    const offer = draftTeamEvent(
      state,
      { type: 'handoff.offer', thread: KEY, known: [], payload: { to: bob } },
      context(601, [claim]),
    );
    expect(offer.base).toBe(claim.id);
    const folded = fold([
      { uid: 1, event: claim },
      { uid: 2, event: offer },
    ]);
    expect(findTeamThread(folded, [KEY])?.pendingHandoff?.to).toBe(bob);
    expect(baseFor(folded, [KEY], [claim])).toBe(offer.id);
  });
});
