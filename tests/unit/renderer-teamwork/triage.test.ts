// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/renderer/src/api', () => ({ api: { on: vi.fn(() => () => undefined) } }));
import { teamView } from './fixtures';

const { inverseOf, moveWords } = await import('../../../src/renderer/src/features/teamwork/triage');

const NOW = Date.UTC(2025, 0, 14, 10, 0);

describe('undo puts a thread back as it was', () => {
  it('reopens a closed thread, or marks it waiting again when it was waiting', () => {
    expect(inverseOf({ type: 'close' }, teamView(), NOW)).toEqual({ type: 'reopen' });
    expect(inverseOf({ type: 'close' }, teamView({ status: 'waiting' }), NOW)).toEqual({ type: 'waiting' });
  });

  it('wakes a snoozed thread, or restores the snooze it had', () => {
    expect(inverseOf({ type: 'snooze', until: NOW + 1 }, teamView(), NOW)).toEqual({ type: 'snooze', until: null });
    expect(inverseOf({ type: 'snooze', until: NOW + 1 }, teamView({ snoozedUntil: NOW + 5 }), NOW)).toEqual({
      type: 'snooze',
      until: NOW + 5,
    });
  });

  it('gives a thread back to its owner, or releases it when nobody owned it', () => {
    const owned = teamView({ owner: 'bob@acme.example' });
    expect(inverseOf({ type: 'assign', to: 'carol@acme.example' }, owned, NOW)).toEqual({
      type: 'assign',
      to: 'bob@acme.example',
    });
    expect(inverseOf({ type: 'claim' }, teamView(), NOW)).toEqual({ type: 'release' });
  });
});

describe('the words of a move', () => {
  it('names one conversation by subject and several by count', () => {
    expect(moveWords({ type: 'close' }, [{ subject: 'Order 88 late' }])).toBe('Closed “Order 88 late”');
    expect(moveWords({ type: 'close' }, [{ subject: 'a' }, { subject: 'b' }, { subject: 'c' }])).toBe(
      'Closed 3 conversations',
    );
    expect(moveWords({ type: 'assign', to: 'bob@acme.example' }, [{ subject: '' }], 'Bob Baker')).toBe(
      'Assigned “(no subject)” to Bob Baker',
    );
    expect(moveWords({ type: 'snooze', until: NOW }, [{ subject: 'x' }])).toMatch(/^Snoozed “x” until /);
  });
});
