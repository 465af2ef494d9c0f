// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { queuedReply } from './fixtures';

const api = vi.hoisted(() => ({
  'outbox.list': vi.fn(),
  'outbox.retry': vi.fn(),
  'outbox.sendAgain': vi.fn(),
  'outbox.cancel': vi.fn(),
  on: vi.fn(() => () => undefined),
}));
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { OutboxView, OutboxBadge } = await import('../../../src/renderer/src/features/teamwork/OutboxView');
const { useOutbox } = await import('../../../src/renderer/src/features/teamwork/stores');

const ITEMS = [
  queuedReply({
    id: 1,
    subject: 'Failed one',
    state: 'failed',
    createdAt: 4,
    error: { code: 'recipient-refused', message: 'The server refused ivan@shop.example: mailbox unavailable.' },
  }),
  queuedReply({
    id: 2,
    subject: 'Uncertain one',
    state: 'uncertain',
    createdAt: 3,
    error: { code: 'uncertain', message: 'It may not have been sent.' },
  }),
  queuedReply({ id: 3, subject: 'Queued one', state: 'queued', createdAt: 2 }),
  queuedReply({ id: 4, subject: 'Sent one', state: 'filed', createdAt: 1, filedAt: 10 }),
];

beforeEach(() => {
  api['outbox.list'].mockResolvedValue(ITEMS);
  api['outbox.retry'].mockResolvedValue(ITEMS[0]);
  api['outbox.sendAgain'].mockResolvedValue(ITEMS[1]);
  api['outbox.cancel'].mockResolvedValue(ITEMS[2]);
  useOutbox.setState({ items: [], error: null });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

function row(name: RegExp): HTMLElement {
  return screen.getByRole('listitem', { name });
}

describe('the outbox view', () => {
  it('lists every reply with its state and the server’s reason', async () => {
    render(h(OutboxView, { now: 0 }));
    await screen.findByText('Failed one');
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(row(/^Failed one: Not sent$/).textContent).toContain('mailbox unavailable');
    expect(row(/^Uncertain one: May not have been sent$/)).toBeTruthy();
    expect(row(/^Sent one: Sent$/)).toBeTruthy();
  });

  it('offers Retry on a failed reply', async () => {
    render(h(OutboxView, { now: 0 }));
    await screen.findByText('Failed one');
    const failed = row(/^Failed one/);
    expect(within(failed).queryByRole('button', { name: /Send again/ })).toBeNull();
    await userEvent.setup().click(within(failed).getByRole('button', { name: 'Retry' }));
    expect(api['outbox.retry']).toHaveBeenCalledWith({ id: 1 });
  });

  it('offers Send again only for a reply that may not have been sent', async () => {
    render(h(OutboxView, { now: 0 }));
    await screen.findByText('Uncertain one');
    const uncertain = row(/^Uncertain one/);
    expect(within(uncertain).queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.setup().click(within(uncertain).getByRole('button', { name: /Send again/ }));
    expect(api['outbox.sendAgain']).toHaveBeenCalledWith({ id: 2 });
  });

  it('cancels a queued reply; a sent one has no buttons', async () => {
    render(h(OutboxView, { now: 0 }));
    await screen.findByText('Queued one');
    await userEvent.setup().click(within(row(/^Queued one/)).getByRole('button', { name: 'Cancel: Queued one' }));
    expect(api['outbox.cancel']).toHaveBeenCalledWith({ id: 3 });
    expect(within(row(/^Sent one/)).queryAllByRole('button')).toHaveLength(0);
  });

  it('shows why a button failed', async () => {
    api['outbox.retry'].mockRejectedValueOnce(new Error('The reply changed state meanwhile.'));
    render(h(OutboxView, { now: 0 }));
    await screen.findByText('Failed one');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The reply changed state meanwhile.');
  });

  it('badges failed and uncertain replies, and shows nothing when none need attention', async () => {
    useOutbox.setState({ items: ITEMS });
    const { container, rerender } = render(h(OutboxBadge));
    expect(screen.getByRole('status', { name: '2 replies need attention' }).textContent).toBe('2');
    useOutbox.setState({ items: [ITEMS[2]!, ITEMS[3]!] });
    rerender(h(OutboxBadge));
    expect(container.textContent).toBe('');
  });
});
