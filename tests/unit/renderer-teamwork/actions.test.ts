// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({
  'thread.act': vi.fn(),
  'threads.list': vi.fn(),
  on: vi.fn(() => () => undefined),
}));
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { teamActions, teamKeymap } = await import('../../../src/renderer/src/features/teamwork/actions');
const { snoozeChoices } = await import('../../../src/renderer/src/features/teamwork/act');
const { useComposer } = await import('../../../src/renderer/src/features/teamwork/composerStore');
const { useTeamOverlay, useTeamToasts } = await import('../../../src/renderer/src/features/teamwork/stores');
const { useMarked } = await import('../../../src/renderer/src/features/teamwork/triage');

let current: number | null = 7;
const shown: string[] = [];
const opened: number[] = [];
const actions = teamActions({
  threadId: () => current,
  showView: (v) => shown.push(v),
  openThread: async (id) => {
    opened.push(id);
  },
});
const run = (id: string) => actions.find((a) => a.id === id)?.run();

beforeEach(() => {
  current = 7;
  shown.length = 0;
  opened.length = 0;
  api['thread.act'].mockResolvedValue({ eventId: 'e' });
  api['threads.list'].mockResolvedValue([]);
  useMarked.getState().clear();
  useTeamToasts.setState({ toasts: [] });
  useComposer.setState({ session: null });
  useTeamOverlay.setState({ overlay: { kind: 'none' } });
});
afterEach(() => vi.clearAllMocks());

describe('the teamwork actions', () => {
  it('claim and close act on the current thread', async () => {
    run('thread.claim');
    run('thread.close');
    await vi.waitFor(() => expect(api['thread.act']).toHaveBeenCalledTimes(2));
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

  it('open the highlighted thread, then the composer; and the assign and snooze pickers', async () => {
    run('reply.all');
    await vi.waitFor(() => expect(useComposer.getState().session).toMatchObject({ threadId: 7, kind: 'reply-all' }));
    run('reply.courtesy');
    await vi.waitFor(() => expect(useComposer.getState().session).toMatchObject({ threadId: 7, kind: 'courtesy' }));
    expect(opened).toEqual([7, 7]);
    run('thread.assign');
    expect(useTeamOverlay.getState().overlay).toEqual({ kind: 'assign', threadId: 7, threadIds: [7] });
    run('thread.snooze');
    expect(useTeamOverlay.getState().overlay).toEqual({ kind: 'snooze', threadId: 7, threadIds: [7] });
  });

  it('x marks rows; close then acts on every marked row, says so, and z reopens them', async () => {
    for (const id of [3, 4, 5]) {
      current = id;
      run('list.mark');
    }
    current = 5;
    run('list.mark'); // x again unmarks
    expect(useMarked.getState().ids).toEqual([3, 4]);
    run('thread.close');
    await vi.waitFor(() => expect(useTeamToasts.getState().toasts).toHaveLength(1));
    expect(api['thread.act'].mock.calls.map(([c]) => c)).toEqual([
      { id: 3, action: { type: 'close' } },
      { id: 4, action: { type: 'close' } },
    ]);
    expect(useMarked.getState().ids).toEqual([]);
    expect(useTeamToasts.getState().toasts[0]).toMatchObject({ message: 'Closed 2 conversations' });
    expect(useTeamToasts.getState().toasts[0]?.local?.label).toBe('Undo (z)');
    const undo = actions.find((a) => a.id === 'thread.undo');
    expect(undo?.available?.()).toBe(true);
    undo?.run();
    await vi.waitFor(() => expect(api['thread.act']).toHaveBeenCalledTimes(4));
    expect(api['thread.act'].mock.calls.slice(2).map(([c]) => c)).toEqual([
      { id: 3, action: { type: 'reopen' } },
      { id: 4, action: { type: 'reopen' } },
    ]);
    await vi.waitFor(() => expect(useTeamToasts.getState().toasts).toHaveLength(0));
    expect(undo?.available?.()).toBe(false);
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
    expect(keysOf('thread.undo')).toEqual(['z']);
    expect(keysOf('list.mark')).toEqual(['x']);
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
