// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ThreadSummary } from '../../../src/shared/types';

const refund: ThreadSummary = {
  id: 42,
  key: '<r@x>',
  subject: 'Refund for order 5521',
  snippet: '',
  from: { name: 'Ivan', address: 'ivan@shop.example' },
  lastMessageAt: 0,
  messageCount: 1,
  hasAttachments: false,
};
const search = vi.fn(async () => [refund]);
const get = vi.fn(async () => ({ thread: refund, messages: [] }));
vi.mock('../../../src/renderer/src/api', () => ({ api: { 'threads.search': search, 'thread.get': get } }));

// cmdk measures and scrolls; jsdom has neither.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= () => undefined;

const { Palette, paletteScore, subjectQuery } = await import('../../../src/renderer/src/features/palette/Palette');
const { useOpenThread } = await import('../../../src/renderer/src/stores/thread');
const { useUi } = await import('../../../src/renderer/src/stores/ui');

afterEach(cleanup);

describe('the command palette', () => {
  it('lists every available action and filters as you type', async () => {
    const ran: string[] = [];
    const actions = [
      { id: 'sync.now', title: 'Sync now', group: 'App' as const, run: () => ran.push('sync') },
      { id: 'view.all', title: 'Go to All', group: 'Views' as const, run: () => ran.push('all') },
      { id: 'hidden', title: 'Hidden one', group: 'App' as const, available: () => false, run: () => ran.push('x') },
    ];
    useUi.getState().setOverlay('palette');
    render(h(Palette, { actions }));
    expect(screen.getByText('Sync now')).toBeTruthy();
    expect(screen.getByText('Go to All')).toBeTruthy();
    expect(screen.queryByText('Hidden one')).toBeNull();
    const user = userEvent.setup();
    await user.type(screen.getByPlaceholderText(/Type a command/), 'go to');
    await waitFor(() => expect(screen.queryByText('Sync now')).toBeNull());
    await user.keyboard('{Enter}');
    expect(ran).toEqual(['all']);
    expect(useUi.getState().overlay).toBe('none');
  });

  it('jumps to a conversation by subject through threads.search', async () => {
    render(h(Palette, { actions: [] }));
    const user = userEvent.setup();
    await user.type(screen.getByPlaceholderText(/Type a command/), 'Refund');
    await screen.findByText('Refund for order 5521');
    expect(search).toHaveBeenCalledWith({ query: 'subject:"Refund"', limit: 8 });
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(useOpenThread.getState().openId).toBe(42));
    expect(get).toHaveBeenCalledWith({ id: 42 });
  });

  it('matches whole word beginnings, so "connect" finds Connect mailbox and not "select … conversation"', () => {
    expect(paletteScore('Connect mailbox…', 'connect', ['app.connect'])).toBe(1);
    expect(paletteScore('Select or unselect the highlighted conversation', 'connect', ['thread.select'])).toBe(0);
    expect(paletteScore('Go to All', 'go to')).toBe(1);
    expect(paletteScore('Open the demo', 'demo', ['app.demo'])).toBe(0.5);
    expect(paletteScore('Sync now', '')).toBe(1);
  });

  it('builds subject queries only from words', () => {
    expect(subjectQuery('  ')).toBeNull();
    expect(subjectQuery('order "55')).toBe('subject:"order" subject:"55"');
  });
});
