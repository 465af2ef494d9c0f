import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotifyRequest } from '../../../src/shared/contract';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake } = await import('./fakeElectron');
const { NotificationCenter, PAUSE_MS } = await import('../../../src/main/shell/notifications');

const request = (threadKey: string | null): NotifyRequest => ({
  id: 'n1',
  title: 'Reply due in 30 min',
  body: 'Wheel rim bent',
  threadKey,
  kind: 'due-soon',
});

describe('native notifications', () => {
  let now = 1_000_000;
  let actions: {
    focus: ReturnType<typeof vi.fn<() => void>>;
    openThread: ReturnType<typeof vi.fn<(key: string) => void>>;
  };
  let center: InstanceType<typeof NotificationCenter>;
  beforeEach(() => {
    resetFake();
    now = 1_000_000;
    actions = { focus: vi.fn<() => void>(), openThread: vi.fn<(key: string) => void>() };
    center = new NotificationCenter(actions, () => now);
  });

  it('shows the request and a click focuses the window and opens that thread', () => {
    expect(center.show(request('<root@shop.example>'))).toBe(true);
    const shown = fake.Notification.all[0];
    expect(shown?.shown).toBe(true);
    expect(shown?.options).toMatchObject({ title: 'Reply due in 30 min', body: 'Wheel rim bent', urgency: 'normal' });
    shown?.emit('click');
    expect(actions.focus).toHaveBeenCalledOnce();
    expect(actions.openThread).toHaveBeenCalledWith('<root@shop.example>');
  });

  it('a click on a summary without a thread only focuses', () => {
    center.show(request(null));
    fake.Notification.all[0]?.emit('click');
    expect(actions.focus).toHaveBeenCalledOnce();
    expect(actions.openThread).not.toHaveBeenCalled();
  });

  it('pausing for an hour suppresses notifications, which come back after it', () => {
    center.pause();
    expect(center.pausedUntil()).toBe(now + PAUSE_MS);
    expect(center.show(request('<a@x>'))).toBe(false);
    now += PAUSE_MS - 1;
    expect(center.show(request('<a@x>'))).toBe(false);
    expect(fake.Notification.all).toHaveLength(0);
    now += 1;
    expect(center.pausedUntil()).toBe(null);
    expect(center.show(request('<a@x>'))).toBe(true);
    center.pause();
    center.resume();
    expect(center.show(request('<a@x>'))).toBe(true);
    expect(fake.Notification.all).toHaveLength(2);
  });

  it('shows nothing where the OS has no notifications', () => {
    fake.Notification.supported = false;
    expect(center.show(request('<a@x>'))).toBe(false);
  });
});
