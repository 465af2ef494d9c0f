// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({ 'thread.act': vi.fn(), on: vi.fn(() => () => undefined) }));
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { teamActions, teamKeymap } = await import('../../../src/renderer/src/features/teamwork/actions');
const { snoozeChoices } = await import('../../../src/renderer/src/features/teamwork/act');
const { useComposer } = await import('../../../src/renderer/src/features/teamwork/composerStore');
const { useTeamOverlay } = await import('../../../src/renderer/src/features/teamwork/stores');

let current: number | null = 7;
const shown: string[] = [];
const actions = teamActions({ threadId: () => current, showView: (v) => shown.push(v) });
const run = (id: string) => actions.find((a) => a.id === id)?.run();

beforeEach(() => {
  current = 7;
  shown.length = 0;
  api['thread.act'].mockResolvedValue({ eventId: 'e' });
  useComposer.setState({ session: null });
  useTeamOverlay.setState({ overlay: { kind: 'none' } });
});
afterEach(() => vi.clearAllMocks());

describe('the teamwork actions', () => {
  it('claim and close act on the current thread', () => {
    run('thread.claim');
    run('thread.close');
    expect(api['thread.act'].mock.calls).toEqual([
      [{ id: 7, action: { type: 'claim' } }],
      [{ id: 7, action: { type: 'close' } }],
    ]);
  });

  it('are unavailable, and do nothing, without a thread', () => {
    current = null;
    const claim = actions.find((a) => a.id === 'thread.claim');
    expect(claim?.available?.()).toBe(false);
    claim?.run();
    expect(api['thread.act']).not.toHaveBeenCalled();
  });

  it('open the composer, the assign picker and the snooze picker', () => {
    run('reply.all');
    expect(useComposer.getState().session).toMatchObject({ threadId: 7, kind: 'reply-all' });
    run('reply.courtesy');
    expect(useComposer.getState().session).toMatchObject({ threadId: 7, kind: 'courtesy' });
    run('thread.assign');
    expect(useTeamOverlay.getState().overlay).toEqual({ kind: 'assign', threadId: 7 });
    run('thread.snooze');
    expect(useTeamOverlay.getState().overlay).toEqual({ kind: 'snooze', threadId: 7 });
  });

  it('jump to views', () => {
    run('view.overdue');
    run('view.outbox');
    expect(shown).toEqual(['overdue', 'outbox']);
  });

  it('want the Gmail/Superhuman keys of docs/PRODUCT.md, with no key twice', () => {
    const map = teamKeymap(actions);
    const keysOf = (id: string) => map.find((b) => b.action === id)?.keys;
    expect(keysOf('thread.claim')).toEqual(['a']);
    expect(keysOf('thread.assign')).toEqual(['Shift+A']);
    expect(keysOf('reply.new')).toEqual(['r']);
    expect(keysOf('reply.all')).toEqual(['Shift+R']);
    expect(keysOf('reply.forward')).toEqual(['f']);
    expect(keysOf('reply.courtesy')).toEqual(['c']);
    expect(keysOf('thread.close')).toEqual(['e']);
    expect(keysOf('thread.snooze')).toEqual(['h']);
    expect(keysOf('thread.note')).toEqual(['n']);
    expect(keysOf('view.mine')).toEqual(['g m']);
    expect(keysOf('view.unassigned')).toEqual(['g u']);
    expect(keysOf('view.dueSoon')).toEqual(['g d']);
    expect(keysOf('view.overdue')).toEqual(['g o']);
    const keys = map.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('offer snooze times in the future, in order', () => {
    const now = new Date(2025, 0, 14, 10, 0).getTime(); // a Tuesday morning
    const choices = snoozeChoices(now);
    expect(choices.map((c) => c.id)).toEqual(['later', 'tomorrow', 'next-week']);
    expect(new Date(choices[1]!.until).getHours()).toBe(9);
    expect(new Date(choices[2]!.until).getDay()).toBe(1);
    expect(choices.every((c, i) => c.until > now && (i === 0 || c.until > choices[i - 1]!.until))).toBe(true);
    const late = new Date(2025, 0, 14, 22, 0).getTime();
    expect(snoozeChoices(late).map((c) => c.id)).toEqual(['tomorrow', 'next-week']);
  });
});
