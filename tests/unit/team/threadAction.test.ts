import { describe, expect, it } from 'vitest';
import type { Teammate } from '../../../src/shared/teamEvents';
import { eventDraftFor, mentionsIn } from '../../../src/main/team/threadAction';

const mate = (name: string, address: string): Teammate => ({ name, address, active: true, uid: 1 });
const ROSTER: Record<string, Teammate> = {
  'ann@acme.example': mate('Ann Lee', 'ann@acme.example'),
  'bob@acme.example': mate('Bob', 'bob@acme.example'),
};

describe('mentions in a note', () => {
  it('finds teammates by full address, local part or first name, once each', () => {
    expect(mentionsIn('@ann@acme.example and @Bob, also @ann', ROSTER).sort()).toEqual([
      'ann@acme.example',
      'bob@acme.example',
    ]);
    expect(mentionsIn('ask @lee', ROSTER)).toEqual([]);
  });

  it('ignores words that are not teammates and plain addresses without @ in front', () => {
    expect(mentionsIn('mail carol@acme.example or @carol', ROSTER)).toEqual([]);
  });
});

describe('thread actions as event drafts', () => {
  it('names the handoff events the log uses and carries the mentions of a note', () => {
    expect(eventDraftFor({ type: 'accept' }, 'k', ['m'], [])).toEqual({
      thread: 'k',
      known: ['m'],
      type: 'handoff.accept',
      payload: {},
    });
    expect(eventDraftFor({ type: 'note', text: 'hi @ann' }, 'k', [], ['ann@acme.example']).payload).toEqual({
      text: 'hi @ann',
      mentions: ['ann@acme.example'],
    });
  });
});
