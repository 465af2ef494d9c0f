// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, createElement as h } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import type { LiveSyncStatus } from '../../../src/shared/types';

const listeners: Array<(s: LiveSyncStatus) => void> = [];
const api = vi.hoisted(() => ({
  'sync.live': vi.fn(),
  'sync.configure': vi.fn(),
  on: vi.fn(),
}));
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { LivePush } = await import('../../../src/renderer/src/features/status/LivePush');

const status = (over: Partial<LiveSyncStatus>): LiveSyncStatus => ({
  push: 'notify',
  pollSeconds: 30,
  backgroundPollSeconds: 30,
  connections: 1,
  maxConnections: 2,
  note: null,
  reason: null,
  updatedAt: 0,
  ...over,
});

afterEach(() => {
  cleanup();
  listeners.length = 0;
});

describe('the sync panel on push', () => {
  it('says nothing while every folder pushes, then why and how often it checks when the server is full', async () => {
    api['sync.live'].mockResolvedValue(status({}));
    api['sync.configure'].mockResolvedValue(status({}));
    api.on.mockImplementation((_event: string, listener: (s: LiveSyncStatus) => void) => {
      listeners.push(listener);
      return () => undefined;
    });
    render(h(LivePush));
    await act(async () => undefined);
    expect(screen.queryByRole('status')).toBeNull();
    const note =
      "The mail server allows only a few connections for this account and they are in use (your teammates' Promptly, phones, other mail apps). Promptly checks every 30 seconds instead of instantly.";
    act(() => listeners.forEach((l) => l(status({ push: 'poll', reason: 'too-many-connections', note }))));
    expect(screen.getByRole('status').textContent).toBe(`◐ ${note}`);
  });

  it('tells live sync when the window comes to the front and goes to the back', async () => {
    api['sync.live'].mockResolvedValue(status({}));
    api['sync.configure'].mockResolvedValue(status({}));
    api.on.mockReturnValue(() => undefined);
    render(h(LivePush));
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('blur'));
    expect(api['sync.configure']).toHaveBeenCalledWith({ focused: true });
    expect(api['sync.configure']).toHaveBeenLastCalledWith({ focused: false });
  });
});
