import { describe, expect, it } from 'vitest';
import { mergedNoteCount, mergedPromises, mergeRefusal } from '../../../src/main/team/merge';
import { findTeamThread } from '../../../src/main/team/threads';
import { teamEvent, testLog } from './eventFactory';

const alice = 'alice@acme.example';
const bob = 'bob@acme.example';
const A = 'a@shop.example';
const B = 'b@shop.example';

function survivor(log: ReturnType<typeof testLog>) {
  const thread = findTeamThread(log.state, [B]);
  if (!thread) throw new Error('no surviving thread');
  return thread;
}

describe('merge rules (team/merge.ts)', () => {
  it('the survivor keeps its owner; without one it takes the merged owner, who can then act without a conflict', () => {
    const kept = testLog();
    kept.append(teamEvent('claim', { actor: alice, thread: A }));
    kept.append(teamEvent('claim', { actor: bob, thread: B }));
    kept.append(teamEvent('merge', { actor: alice, thread: A, payload: { into: B } }));
    expect(survivor(kept).owner).toBe(bob);

    const taken = testLog();
    const claim = taken.append(teamEvent('claim', { actor: alice, thread: A }));
    taken.append(teamEvent('note', { actor: bob, thread: B, payload: { text: 'hi', mentions: [] } }));
    taken.append(teamEvent('merge', { actor: bob, thread: A, payload: { into: B } }));
    expect(survivor(taken).owner).toBe(alice);
    const release = taken.append(teamEvent('release', { actor: alice, thread: B, base: claim.id }));
    expect(release.outcome.status).toBe('applied');
    expect(survivor(taken).owner).toBeNull();
  });

  it('the merged conversation is open if either was; snoozed only if both were, until the earlier time', () => {
    const log = testLog();
    log.append(teamEvent('close', { actor: alice, thread: B }));
    log.append(teamEvent('note', { actor: alice, thread: A, payload: { text: 'open question', mentions: [] } }));
    log.append(teamEvent('merge', { actor: alice, thread: A, payload: { into: B } }));
    expect(survivor(log).status).toBe('open');

    const snoozed = testLog();
    snoozed.append(teamEvent('snooze', { actor: alice, thread: A, payload: { until: 9_000 } }));
    snoozed.append(teamEvent('snooze', { actor: alice, thread: B, payload: { until: 5_000 } }));
    snoozed.append(teamEvent('merge', { actor: alice, thread: A, payload: { into: B } }));
    expect(survivor(snoozed).snooze?.until).toBe(5_000);

    const one = testLog();
    one.append(teamEvent('snooze', { actor: alice, thread: B, payload: { until: 5_000 } }));
    one.append(teamEvent('note', { actor: alice, thread: A, payload: { text: 'in view', mentions: [] } }));
    one.append(teamEvent('merge', { actor: alice, thread: A, payload: { into: B } }));
    expect(survivor(one).snooze).toBeNull();
  });

  it('keeps both notes and promises; the latest promise made is the deadline', () => {
    const log = testLog();
    log.append(teamEvent('note', { actor: alice, thread: A, payload: { text: 'from A', mentions: [] } }));
    log.append(teamEvent('promise', { actor: alice, thread: A, payload: { due: 7_000, text: '' } }));
    log.append(teamEvent('note', { actor: bob, thread: B, payload: { text: 'from B', mentions: [] } }));
    log.append(teamEvent('promise', { actor: bob, thread: B, payload: { due: 3_000, text: '' } }));
    log.append(teamEvent('merge', { actor: bob, thread: B, payload: { into: A } }));
    const thread = findTeamThread(log.state, [A])!;
    expect(mergedNoteCount(log.state, thread)).toBe(2);
    expect(mergedPromises(log.state, thread).map((p) => p.due)).toEqual([7_000, 3_000]);
  });

  it('undo: a split naming the merged conversation brings it back with its own owner, notes and promises', () => {
    const log = testLog();
    log.append(teamEvent('claim', { actor: alice, thread: A }));
    log.append(teamEvent('note', { actor: alice, thread: A, payload: { text: 'mine', mentions: [] } }));
    log.append(teamEvent('merge', { actor: bob, thread: A, payload: { into: B } }));
    const undo = log.append(
      teamEvent('split', { actor: bob, thread: B, payload: { messageIds: [A, 'a2@shop.example'], newThread: A } }),
    );
    expect(undo.outcome.status).toBe('applied');
    expect(findTeamThread(log.state, [A])).toMatchObject({ key: A, owner: alice, mergedInto: null });
    expect(findTeamThread(log.state, ['a2@shop.example'])?.key).toBe(A);
    expect(survivor(log).mergedFrom).toEqual([]);
    expect(mergedNoteCount(log.state, survivor(log))).toBe(0);
    // The survivor keeps the owner it took over.
    expect(survivor(log).owner).toBe(alice);
  });

  it('says why a merge cannot be done', () => {
    expect(mergeRefusal([], B)).toMatch(/at least one/);
    expect(mergeRefusal([A, B], B)).toMatch(/into itself/);
    expect(mergeRefusal([A, A], B)).toMatch(/twice/);
    expect(mergeRefusal([A], B)).toBeNull();
  });
});
