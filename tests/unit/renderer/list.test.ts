// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ListedThread } from '../../../src/shared/types';

function thread(i: number, subject = `Subject ${i}`): ListedThread {
  return {
    id: i + 1,
    key: `<t${i}@x>`,
    subject,
    snippet: `snippet about gears ${i}`,
    from: { name: `Sender ${i}`, address: `s${i}@customer.example` },
    lastMessageAt: Date.now() - i * 60_000,
    messageCount: (i % 3) + 1,
    hasAttachments: i % 2 === 0,
    team: {
      owner: null,
      ownerName: null,
      handoffTo: null,
      status: 'open',
      snoozedUntil: null,
      pending: 0,
      replying: [],
    },
    due: null,
  };
}
const ALL = Array.from({ length: 1200 }, (_, i) => thread(i));
const list = vi.fn(async ({ limit, offset }: { limit: number; offset: number }) => ALL.slice(offset, offset + limit));
const search = vi.fn(async () => [thread(0, 'Gears skip on hills'), thread(1, 'Brake question')]);
vi.mock('../../../src/renderer/src/api', () => ({ api: { 'threads.list': list, 'threads.search': search } }));

const { useThreadList, PAGE_SIZE } = await import('../../../src/renderer/src/stores/list');
const { ThreadRow } = await import('../../../src/renderer/src/features/threads/ThreadRow');
const { Highlight, highlightTerms, termMatcher } = await import('../../../src/renderer/src/features/search/highlight');
const { suggest } = await import('../../../src/renderer/src/features/search/suggest');

beforeEach(() => {
  list.mockClear();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('sorting by due time', () => {
  it('Shift+D flips any list between latest first and most urgent first', async () => {
    const { toggleDueSort } = await import('../../../src/renderer/src/keymap/actions');
    await act(() => useThreadList.getState().setSource({ kind: 'all', view: 'mine' }));
    expect(list).toHaveBeenLastCalledWith({ view: 'mine', sort: 'recent', limit: PAGE_SIZE, offset: 0 });
    await act(async () => toggleDueSort());
    await vi.waitFor(() =>
      expect(list).toHaveBeenLastCalledWith({ view: 'mine', sort: 'due', limit: PAGE_SIZE, offset: 0 }),
    );
    await act(() => useThreadList.getState().setSource({ kind: 'all', view: 'overdue' }));
    expect(list).toHaveBeenLastCalledWith({ view: 'overdue', sort: 'due', limit: PAGE_SIZE, offset: 0 });
    await act(async () => toggleDueSort());
    await vi.waitFor(() =>
      expect(list).toHaveBeenLastCalledWith({ view: 'overdue', sort: 'recent', limit: PAGE_SIZE, offset: 0 }),
    );
  });
});

describe('the thread list', () => {
  it('pages through offsets; a row shows sender, subject, snippet, count, attachment mark and age', async () => {
    await act(() => useThreadList.getState().setSource({ kind: 'all' }));
    expect(list).toHaveBeenCalledWith({ view: 'all', sort: 'recent', limit: PAGE_SIZE, offset: 0 });
    expect(useThreadList.getState().count).toBe(2 * PAGE_SIZE);
    const t = ALL[2] as ListedThread;
    render(
      h(ThreadRow, {
        thread: t,
        index: 2,
        selected: true,
        open: false,
        top: 0,
        height: 62,
        now: t.lastMessageAt + 3 * 3_600_000,
        matcher: null,
        onPick: () => undefined,
      }),
    );
    const row = screen.getByRole('option', { name: /^Sender 2\s*3 messages.*Subject 2 snippet about gears 2$/ });
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(row.querySelector('.count')?.textContent).toBe('3 messages');
    expect(screen.getByRole('img', { name: 'has attachments' })).toBeTruthy();
    expect(row.querySelector('time')?.textContent).toBe('3h');
  });

  it('renders a placeholder row for a page still loading', () => {
    render(
      h(ThreadRow, {
        thread: undefined,
        index: 9,
        selected: false,
        open: false,
        top: 0,
        height: 62,
        now: 0,
        matcher: null,
        onPick: () => undefined,
      }),
    );
    expect(screen.getByRole('option').getAttribute('aria-busy')).toBe('true');
  });

  it('moves the selection and fetches the next page when it is reached', async () => {
    await act(() => useThreadList.getState().setSource({ kind: 'all' }));
    act(() => useThreadList.getState().move(1));
    expect(useThreadList.getState().selectedId).toBe(2);
    act(() => useThreadList.getState().select(PAGE_SIZE + 3));
    await waitFor(() => expect(useThreadList.getState().selectedId).toBe(PAGE_SIZE + 4));
    expect(list).toHaveBeenCalledWith({ view: 'all', sort: 'recent', limit: PAGE_SIZE, offset: PAGE_SIZE });
    act(() => useThreadList.getState().select(2 * PAGE_SIZE + 10));
    await waitFor(() => expect(useThreadList.getState().total).toBe(1200));
    expect(useThreadList.getState().count).toBe(1200);
  });

  it('keeps the selection on its thread when a reload pushes it down', async () => {
    await act(() => useThreadList.getState().setSource({ kind: 'all' }));
    act(() => useThreadList.getState().select(4));
    ALL.unshift(thread(5000, 'New mail'));
    await act(() => useThreadList.getState().reload());
    expect(useThreadList.getState().selectedIndex).toBe(5);
    expect(useThreadList.getState().selectedId).toBe(5);
    ALL.shift();
  });

  it('highlights the searched words in subject and snippet, not operator values', async () => {
    await act(() => useThreadList.getState().setSource({ kind: 'search', query: 'from:hana gears -brake' }));
    expect(search).toHaveBeenCalledWith(expect.objectContaining({ query: 'from:hana gears -brake' }));
    const state = useThreadList.getState();
    expect(state.count).toBe(2);
    const matcher = termMatcher(highlightTerms('from:hana gears -brake'));
    const first = state.pages[0]?.[0] as ListedThread;
    render(
      h(ThreadRow, {
        thread: first,
        index: 0,
        selected: true,
        open: false,
        top: 0,
        height: 62,
        now: 0,
        matcher,
        onPick: () => undefined,
      }),
    );
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent?.toLowerCase());
    expect(marks).toEqual(['gears', 'gears']);
    expect(highlightTerms('from:hana "brake pads" subject:invoice -refund')).toEqual(['brake pads', 'invoice']);
  });
});

describe('search helpers', () => {
  it('marks whole-word starts only', () => {
    const { container } = render(h(Highlight, { text: 'Gears and bigears', matcher: termMatcher(['gears']) }));
    expect(container.innerHTML).toBe('<mark>Gears</mark> and bigears');
  });

  it('autocompletes operators and their values', () => {
    const now = new Date(2024, 2, 15);
    expect(suggest('fr', now).map((s) => s.insert)).toEqual(['from:']);
    expect(suggest('-ha', now).map((s) => s.insert)).toEqual(['-has:attachment ']);
    expect(suggest('after:', now)[0]?.insert).toBe('after:2024-03-15 ');
    expect(suggest('from:ha', now, ['hana@customer.example', 'bob@x.example']).map((s) => s.insert)).toEqual([
      'from:hana@customer.example ',
    ]);
    expect(suggest('gears', now)).toEqual([]);
  });
});
