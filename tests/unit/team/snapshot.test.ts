import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeTeamEventSource } from '../../../src/main/mail/teamLogMessage';
import { encodeTeamEventMessage, TEAM_EVENT_MESSAGE_LIMIT } from '../../../src/main/team/eventMessage';
import { applyEvent, fold, foldStored } from '../../../src/main/team/fold';
import { adoptSnapshot, snapshotDue, snapshotPayload } from '../../../src/main/team/snapshot';
import { canonicalJson, sharedPart, teamStateHash } from '../../../src/main/team/snapshotState';
import type { TeamState } from '../../../src/main/team/state';
import { teamEventSchema, type TeamEventOf, type TeamLogEntry } from '../../../src/shared/teamEvents';
import { teamEvent, testId } from './eventFactory';

const alice = 'alice@acme.example';
const bob = 'bob@acme.example';

function history(): TeamLogEntry[] {
  return [
    { uid: 1, event: teamEvent('profile', { actor: alice, payload: { name: 'Alice' } }) },
    { uid: 2, event: teamEvent('claim', { actor: alice }) },
    { uid: 3, event: teamEvent('presence', { actor: bob, payload: { state: 'replying' } }) },
    { uid: 4, event: teamEvent('note', { actor: alice, payload: { text: 'Refund approved', mentions: [] } }) },
    { uid: 5, event: teamEvent('promise', { actor: alice, payload: { due: 9_000, text: '' } }) },
  ];
}

function snapshotOf(state: TeamState, over: Partial<TeamEventOf<'snapshot'>['payload']> = {}) {
  const payload = { ...snapshotPayload(state, '77'), ...over };
  return teamEventSchema.parse(
    teamEvent('snapshot', { actor: alice, thread: null, payload }),
  ) as TeamEventOf<'snapshot'>;
}

describe('team log snapshots', () => {
  it('hashes canonical JSON: key order does not matter, content does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    const state = fold(history());
    const reordered = JSON.parse(canonicalJson(sharedPart(state))) as TeamState;
    expect(teamStateHash({ ...reordered, lastUid: 1, snapshots: [] })).toBe(teamStateHash(state));
    state.threads['order-1042@shop.example']!.notes[0]!.text = 'Refund denied';
    expect(teamStateHash({ ...reordered, lastUid: 1, snapshots: [] })).not.toBe(teamStateHash(state));
  });

  it('a new reader adopts a snapshot and folds what follows to the same state, notes and promises kept', () => {
    const all = history();
    const snapshot = { uid: 6, event: snapshotOf(fold(all)) };
    const later = { uid: 7, event: teamEvent('close', { actor: bob }) };
    const everyone = fold([...all, snapshot, later]);
    const fresh = foldStored([snapshot, later], 6);
    expect(sharedPart(fresh)).toEqual(sharedPart(everyone));
    expect(fresh.threads['order-1042@shop.example']?.notes.map((n) => n.text)).toEqual(['Refund approved']);
    expect(fresh.threads['order-1042@shop.example']?.promises.map((p) => p.due)).toEqual([9_000]);
    expect(fresh.threads['order-1042@shop.example']?.owner).toBe(alice);
    expect(fresh.snapshots.map((c) => c.result)).toEqual(['adopted', 'verified']);
    expect(everyone.snapshots.map((c) => c.result)).toEqual(['verified']);
  });

  it('a replica whose own fold differs ignores the snapshot and says so', () => {
    const all = history();
    const wrong = fold(all);
    wrong.threads['order-1042@shop.example']!.owner = bob; // another fold's idea of the owner
    let state = fold(all);
    state = applyEvent(state, { uid: 6, event: snapshotOf(wrong) });
    expect(state.threads['order-1042@shop.example']?.owner).toBe(alice);
    expect(state.snapshots).toEqual([
      expect.objectContaining({ uid: 6, result: 'mismatch', reason: expect.stringContaining('does not match') }),
    ]);
  });

  it('refuses damaged, misplaced and other-version snapshots', () => {
    const state = fold(history());
    const damaged = snapshotOf(state, { state: gzipSync('{"not":"the state"}').toString('base64') });
    expect(adoptSnapshot(damaged, 6)).toEqual({ ok: false, reason: expect.stringContaining('hash') });
    expect(adoptSnapshot(snapshotOf(state), 5)).toEqual({ ok: false, reason: expect.stringContaining('UID 5') });
    expect(adoptSnapshot(snapshotOf(state, { stateVersion: 99 }), 6)).toEqual({
      ok: false,
      reason: expect.stringContaining('version 99'),
    });
    expect(adoptSnapshot(snapshotOf(state, { state: 'not base64 gzip' }), 6).ok).toBe(false);
  });

  it('travels as a log message larger than an ordinary event and decodes back', async () => {
    let state = fold(history());
    for (let i = 0; i < 800; i++)
      state = applyEvent(state, {
        uid: 10 + i,
        event: teamEvent('note', {
          actor: alice,
          thread: `t${i}@x`,
          payload: { text: `n ${i} ${testId(i)}`, mentions: [] },
        }),
      });
    const event = snapshotOf(state);
    const raw = encodeTeamEventMessage(event);
    expect(raw.length).toBeGreaterThan(TEAM_EVENT_MESSAGE_LIMIT);
    const decoded = await decodeTeamEventSource(raw);
    expect(decoded.ok && decoded.event.type === 'snapshot' && decoded.event.payload.hash).toBe(event.payload.hash);
    // An ordinary event that large is still refused.
    const note = teamEvent('note', { actor: alice, payload: { text: 'x', mentions: [] } });
    const padded = Buffer.concat([encodeTeamEventMessage(teamEventSchema.parse(note)), Buffer.alloc(70_000, 65)]);
    expect(await decodeTeamEventSource(padded)).toEqual(expect.objectContaining({ ok: false, code: 'too-large' }));
  });

  it('is written by the author of the message that crossed the line, once enough followed', () => {
    expect(snapshotDue({ messagesSinceSnapshot: 500, newestAuthor: alice, me: alice })).toBe(true);
    expect(snapshotDue({ messagesSinceSnapshot: 500, newestAuthor: bob, me: alice })).toBe(false);
    expect(snapshotDue({ messagesSinceSnapshot: 499, newestAuthor: alice, me: alice })).toBe(false);
    expect(snapshotDue({ messagesSinceSnapshot: 5, newestAuthor: alice, me: alice, every: 5 })).toBe(true);
    expect(snapshotDue({ messagesSinceSnapshot: 900, newestAuthor: null, me: null })).toBe(false);
  });
});
