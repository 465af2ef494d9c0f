// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ROSTER, teamView } from './fixtures';

const api = vi.hoisted(() => ({
  'team.roster': vi.fn(),
  'me.get': vi.fn(),
  'thread.act': vi.fn(),
  on: vi.fn(() => () => undefined),
}));
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { AssignPicker } = await import('../../../src/renderer/src/features/teamwork/AssignPicker');
const { useRoster, useTeamToasts } = await import('../../../src/renderer/src/features/teamwork/stores');

beforeEach(() => {
  api['team.roster'].mockResolvedValue(ROSTER);
  api['me.get'].mockResolvedValue({ name: 'Alice Archer', address: 'alice@acme.example', signature: '' });
  api['thread.act'].mockResolvedValue({ eventId: 'e1' });
  useRoster.setState({ teammates: [], me: null, loaded: false, error: null });
  useTeamToasts.setState({ toasts: [] });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the assign picker', () => {
  it('filters the roster as you type and Enter assigns the highlighted teammate', async () => {
    const onClose = vi.fn();
    render(h(AssignPicker, { threadId: 7, onClose }));
    await screen.findByText('Carol Cruz');
    const user = userEvent.setup();
    await user.keyboard('a');
    // "a" matches all three names; ↓ moves to the second.
    expect(screen.getAllByRole('option')).toHaveLength(3);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(api['thread.act']).toHaveBeenCalledWith({ id: 7, action: { type: 'assign', to: 'bob@acme.example' } });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('narrows to one match', async () => {
    render(h(AssignPicker, { threadId: 7, onClose: vi.fn() }));
    await screen.findByText('Carol Cruz');
    const user = userEvent.setup();
    await user.keyboard('carol');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(api['thread.act']).toHaveBeenCalledWith({ id: 7, action: { type: 'assign', to: 'carol@acme.example' } });
  });

  it('Shift+Enter offers a handoff instead of assigning', async () => {
    render(h(AssignPicker, { threadId: 7, onClose: vi.fn() }));
    await screen.findByText('Bob Baker');
    const user = userEvent.setup();
    await user.keyboard('bob{Shift>}{Enter}{/Shift}');
    expect(api['thread.act']).toHaveBeenCalledWith({
      id: 7,
      action: { type: 'handoff', to: 'bob@acme.example', message: '' },
    });
  });

  it('Esc closes without acting', async () => {
    const onClose = vi.fn();
    render(h(AssignPicker, { threadId: 7, onClose }));
    await screen.findByText('Bob Baker');
    await userEvent.setup().keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(api['thread.act']).not.toHaveBeenCalled();
  });

  it('releases an owned thread, and keeps the dialog open when the service refuses', async () => {
    const onClose = vi.fn();
    api['thread.act'].mockRejectedValueOnce(new Error('Bob had already claimed this at 10:42'));
    render(h(AssignPicker, { threadId: 7, team: teamView({ owner: 'alice@acme.example' }), onClose }));
    await screen.findByText('Bob Baker');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Release (no owner)' }));
    expect(api['thread.act']).toHaveBeenCalledWith({ id: 7, action: { type: 'release' } });
    expect(onClose).not.toHaveBeenCalled();
    expect(useTeamToasts.getState().toasts[0]?.message).toBe('Bob had already claimed this at 10:42');
  });

  it('offers Release only when someone owns the thread', async () => {
    render(h(AssignPicker, { threadId: 7, team: teamView(), onClose: vi.fn() }));
    await screen.findByText('Bob Baker');
    expect((screen.getByRole('button', { name: 'Release (no owner)' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
