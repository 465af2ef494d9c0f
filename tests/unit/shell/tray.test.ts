import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrayState } from '../../../src/shared/policy';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake } = await import('./fakeElectron');
const { TrayController, trayImageFile } = await import('../../../src/main/shell/tray');
const { trayView, trayItemLabel } = await import('../../../src/main/shell/trayView');
const { badgeBitmap, badgeText } = await import('../../../src/main/shell/badge');

const NOW = Date.UTC(2026, 0, 5, 12, 0);
const MIN = 60_000;
const state = (count: number, overdue: number, keys: string[] = []): TrayState => ({
  count,
  overdue,
  urgent: keys.map((key, i) => ({
    threadId: key,
    dueAt: NOW + (i - overdue) * 30 * MIN,
    reason: 'first-response',
    state: i < overdue ? 'overdue' : 'due-soon',
  })),
});

function setup(platform: NodeJS.Platform, pausedUntil: number | null = null) {
  const actions = {
    openThread: vi.fn(),
    open: vi.fn(),
    quit: vi.fn(),
    togglePause: vi.fn(),
    pausedUntil: () => pausedUntil,
  };
  const window = new fake.BrowserWindow({});
  const controller = new TrayController(
    '/res',
    actions,
    () => window as never,
    () => NOW,
    platform,
  );
  const tray = fake.Tray.all.at(-1);
  if (!tray) throw new Error('no tray');
  const menu = () => tray.menu?.template ?? [];
  return { actions, controller, tray, window, menu };
}

describe('the tray follows the scheduler state', () => {
  beforeEach(() => resetFake());

  it('switches icon variant and count with the state', () => {
    const { controller, tray } = setup('linux');
    expect(tray.image).toBe('/res/tray.png');
    expect(tray.tooltip).toBe('Promptly: Nothing due');
    controller.update(state(2, 0, ['<a@x>', '<b@x>']));
    expect(tray.image).toBe('/res/tray-due.png');
    expect(tray.tooltip).toBe('Promptly: 2 replies due');
    controller.update(state(3, 1, ['<a@x>', '<b@x>', '<c@x>']));
    expect(tray.image).toBe('/res/tray-overdue.png');
    expect(tray.tooltip).toBe('Promptly: 3 replies due, 1 overdue');
    expect(fake.state.app.badgeCount).toBe(3);
    controller.update(state(0, 0));
    expect(tray.image).toBe('/res/tray.png');
    expect(fake.state.app.badgeCount).toBe(0);
  });

  it('lists the three most urgent threads, and a click opens one', () => {
    const { controller, menu, actions } = setup('linux');
    controller.update(state(5, 1, ['<a@x>', '<b@x>', '<c@x>', '<d@x>']));
    const labels = menu().map((i) => i.label ?? i.type);
    expect(labels).toEqual([
      'First reply — overdue 30 min',
      'First reply — due now',
      'First reply — due in 30 min',
      'separator',
      'Pause Notifications for 1 h',
      'Open Promptly',
      'Quit Promptly',
    ]);
    (menu()[1]?.click as () => void)();
    expect(actions.openThread).toHaveBeenCalledWith('<b@x>');
    (menu()[4]?.click as () => void)();
    expect(actions.togglePause).toHaveBeenCalledOnce();
    (menu()[6]?.click as () => void)();
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('shows the count as a title and dock badge on macOS', () => {
    const { controller, tray } = setup('darwin');
    controller.update(state(4, 0, ['<a@x>']));
    expect(tray.title).toBe('4');
    expect(fake.state.app.dock.badge).toBe('4');
    controller.update(state(0, 0));
    expect(tray.title).toBe('');
    expect(fake.state.app.dock.badge).toBe('');
  });

  it('draws a taskbar overlay on Windows', () => {
    const { controller, window, tray } = setup('win32');
    controller.update(state(12, 2, ['<a@x>']));
    expect(window.overlay?.description).toBe('12 replies due');
    expect(tray.title).toBe('');
    controller.update(state(0, 0));
    expect(window.overlay).toBe(null);
  });

  it('offers to resume when paused and says so in the tooltip', () => {
    const { tray } = setup('linux', NOW + 45 * MIN);
    expect(tray.menu?.template.map((i) => i.label)).toContain('Resume Notifications');
    expect(tray.tooltip).toBe('Promptly: Nothing due (notifications paused for 45 min)');
  });
});

describe('tray view helpers', () => {
  it('labels a thread with its subject when the state has one', () => {
    const item = { threadId: 'k', dueAt: NOW + 3 * 3_600_000, reason: 'promise' as const, state: 'calm' as const };
    expect(trayItemLabel(item, NOW)).toBe('Promise — due in 3 h');
    expect(trayItemLabel({ ...item, subject: 'Wheel rim bent ' }, NOW)).toBe('Wheel rim bent — due in 3 h');
  });

  it('is normal when nothing is due and an expired pause is not shown', () => {
    expect(trayView(state(0, 0), NOW, NOW - 1)).toMatchObject({ variant: 'normal', paused: false, badge: 0 });
    expect(trayImageFile('/r', 'overdue', 'linux', false)).toBe('/r/tray-overdue.png');
    expect(trayImageFile('/r', 'overdue', 'win32', true)).toBe('/r/tray-overdue-light.png');
    expect(trayImageFile('/r', 'overdue', 'darwin', true)).toBe('/r/tray-overdueTemplate.png');
  });

  it('draws the badge number as white pixels on a red disc', () => {
    expect([badgeText(0), badgeText(7), badgeText(10)]).toEqual(['', '7', '9+']);
    const bitmap = badgeBitmap(1);
    const pixel = (x: number, y: number) => [...bitmap.data.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4)];
    expect(bitmap.data.length).toBe(16 * 16 * 4);
    expect(pixel(0, 0)[3]).toBe(0); // outside the disc: transparent
    expect(pixel(3, 8)).toEqual([0x25, 0x30, 0xd9, 255]); // disc
    expect(pixel(8, 4)).toEqual([255, 255, 255, 255]); // the top of the "1"
    expect(badgeBitmap(8).data.equals(badgeBitmap(1).data)).toBe(false);
  });
});
