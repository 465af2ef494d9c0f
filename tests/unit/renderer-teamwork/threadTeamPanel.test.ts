// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { detail, listedThread, ROSTER, teamView } from './fixtures';

const api = vi.hoisted(() => ({
  'team.roster': vi.fn(),
  'me.get': vi.fn(),
  'thread.act': vi.fn(),
  on: vi.fn(() => () => undefined),
}));
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { ThreadTeamPanel } = await import('../../../src/renderer/src/features/teamwork/ThreadTeamPanel');
const { useRoster } = await import('../../../src/renderer/src/features/teamwork/stores');
const { mentionAt } = await import('../../../src/renderer/src/features/teamwork/NoteComposer');
const { NOTE_INPUT_ID } = await import('../../../src/renderer/src/features/teamwork/ids');

const CAROL = { name: 'Carol Cruz', address: 'carol@acme.example', signature: '' };

beforeEach(() => {
  api['team.roster'].mockResolvedValue(ROSTER);
  api['me.get'].mockResolvedValue(CAROL);
  api['thread.act'].mockResolvedValue({ eventId: 'e1' });
  useRoster.setState({ teammates: [], me: null, loaded: false, error: null });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const offered = detail({
  thread: listedThread({
    team: teamView({ owner: 'bob@acme.example', ownerName: 'Bob Baker', handoffTo: 'carol@acme.example' }),
  }),
  notes: [
    {
      at: 1000,
      actor: 'bob@acme.example',
      actorName: 'Bob Baker',
      text: 'Customer is on holiday',
      mentions: [],
      pending: false,
    },
  ],
  activity: [
    { at: 1000, actor: 'bob@acme.example', text: 'Bob Baker claimed it', outcome: 'applied' },
    { at: 2000, actor: 'bob@acme.example', text: 'Bob Baker offered it to Carol Cruz', outcome: 'pending' },
  ],
});

describe('the thread team panel', () => {
  it('lets me accept a handoff offered to me', async () => {
    render(h(ThreadTeamPanel, { detail: offered }));
    await screen.findByText(/offered you this conversation/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Accept' }));
    expect(api['thread.act']).toHaveBeenCalledWith({ id: 7, action: { type: 'accept' } });
  });

  it('lets me decline it', async () => {
    render(h(ThreadTeamPanel, { detail: offered }));
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Decline' }));
    expect(api['thread.act']).toHaveBeenCalledWith({ id: 7, action: { type: 'decline', reason: '' } });
  });

  it('offers no Accept to someone the thread was not offered to', async () => {
    api['me.get'].mockResolvedValue({ name: 'Alice Archer', address: 'alice@acme.example', signature: '' });
    render(h(ThreadTeamPanel, { detail: offered }));
    await screen.findByText(/Offered to Carol Cruz/);
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
  });

  it('shows notes and the activity timeline with pending entries marked', async () => {
    render(h(ThreadTeamPanel, { detail: offered }));
    expect(screen.getByText('Customer is on holiday')).toBeTruthy();
    const entries = screen.getByRole('region', { name: 'Activity' }).querySelectorAll('li');
    expect(entries).toHaveLength(2);
    expect(entries[0]?.textContent).not.toContain('pending');
    expect(entries[1]?.textContent).toContain('(pending)');
  });

  it('adds a note with Ctrl+Enter, completing an @mention from the roster', async () => {
    render(h(ThreadTeamPanel, { detail: offered }));
    await screen.findByText(/offered you this conversation/);
    const box = document.getElementById(NOTE_INPUT_ID) as HTMLTextAreaElement;
    const user = userEvent.setup();
    await user.click(box);
    await user.keyboard('Ask @bo');
    const suggestions = screen.getByRole('listbox', { name: 'Mention a teammate' });
    expect(suggestions.textContent).toContain('Bob Baker');
    await user.keyboard('{Tab}about the refund');
    expect(box.value).toBe('Ask @bob about the refund');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(api['thread.act']).toHaveBeenCalledWith({
      id: 7,
      action: { type: 'note', text: 'Ask @bob about the refund' },
    });
    await waitFor(() => expect(box.value).toBe(''));
  });

  it('refuses an empty note without calling the service', async () => {
    render(h(ThreadTeamPanel, { detail: offered }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.getByRole('alert').textContent).toBe('A note needs some text.');
    expect(api['thread.act']).not.toHaveBeenCalled();
  });

  it('finds the mention being typed', () => {
    expect(mentionAt('hi @ca', 6)).toEqual({ start: 3, query: 'ca' });
    expect(mentionAt('mail a@b', 8)).toBeNull();
  });
});
