import { describe, expect, it } from 'vitest';
import { coveredBy, vanishedEntries } from '../../../src/main/mail/imap/teamLogCompaction';

const outline = [
  { uid: 1, type: 'claim', actor: 'a@x' },
  { uid: 2, type: 'presence', actor: 'b@x' },
  { uid: 3, type: 'snapshot', actor: 'a@x' },
  { uid: 4, type: 'presence', actor: 'b@x' },
  { uid: 5, type: 'note', actor: 'c@x' },
  { uid: 6, type: 'snapshot', actor: 'c@x' },
  { uid: 7, type: 'presence', actor: 'b@x' },
];

describe('team log compaction', () => {
  it('expunges the presence a snapshot covers and snapshots older than the previous one, never team actions', () => {
    expect(coveredBy(outline, 5, 6)).toEqual([2, 3, 4]);
    expect(coveredBy(outline, 7, 0)).toEqual([2, 4, 7]);
  });

  it('forgets vanished presence and old snapshots quietly, but keeps its own base and rereads when a team action vanished', () => {
    const server = (gone: number[]) => new Set(outline.map((e) => e.uid).filter((uid) => !gone.includes(uid)));
    expect(vanishedEntries(outline, server([2, 4]), null)).toEqual({ forget: [2, 4], onlyUpkeep: true });
    expect(vanishedEntries(outline, server([3]), 3)).toEqual({ forget: [], onlyUpkeep: true });
    expect(vanishedEntries(outline, server([3, 2]), 6)).toEqual({ forget: [2, 3], onlyUpkeep: true });
    expect(vanishedEntries(outline, server([5]), null)).toEqual({ forget: [5], onlyUpkeep: false });
  });
});
