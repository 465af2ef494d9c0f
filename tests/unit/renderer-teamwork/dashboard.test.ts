// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FollowThroughMetrics } from '../../../src/shared/policy';
import { ROSTER } from './fixtures';

const api = vi.hoisted(() => ({
  'metrics.weekly': vi.fn(),
  'export.csv': vi.fn(),
  'team.roster': vi.fn(),
  'me.get': vi.fn(),
  on: vi.fn(() => () => undefined),
}));
vi.mock('../../../src/renderer/src/api', () => ({ api }));

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const { Dashboard, weekPoints } = await import('../../../src/renderer/src/features/teamwork/Dashboard');
const { useDashboard, useRoster } = await import('../../../src/renderer/src/features/teamwork/stores');
const { labelLines } = await import('../../../src/renderer/src/features/teamwork/chartAxes');

const WEEK = 7 * 86_400_000;
const START = Date.UTC(2025, 0, 6);

function week(i: number, over: Partial<FollowThroughMetrics> = {}): FollowThroughMetrics {
  return {
    period: { from: START + i * WEEK, to: START + (i + 1) * WEEK },
    courtesy: { met: 3, missed: 1, closedWithoutReply: 0, pending: 0, share: 0.75 },
    firstReply: {
      count: 4,
      wallClock: { median: 2.5 * 3_600_000, p90: null },
      businessHours: { median: null, p90: null },
    },
    promises: { kept: 1, broken: 1, pending: 0, share: 0.5 },
    repeatContact: { closes: 10, repeats: 1, rate: 0.1 },
    open: {
      total: 5,
      byOwner: { 'bob@acme.example': 3, unassigned: 2 },
      byAge: { 'under 1 day': 1, '1–3 days': 2, '3–7 days': 0, '1–4 weeks': 2, 'over 4 weeks': 0 },
    },
    ...over,
  };
}

beforeEach(() => {
  useDashboard.setState({ weeks: [], loading: false, error: null });
  useRoster.setState({ teammates: ROSTER, me: null, loaded: true, error: null });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

function table(title: string): string[][] {
  const figure = screen.getByRole('figure', { name: title });
  return [...figure.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? ''));
}

describe('the dashboard', () => {
  it('draws a chart per metric from metrics.weekly, oldest week first', async () => {
    const weeks = Array.from({ length: 12 }, (_, i) => week(11 - i));
    weeks[0] = week(11, { courtesy: { met: 1, missed: 0, closedWithoutReply: 0, pending: 0, share: 1 } });
    api['metrics.weekly'].mockResolvedValue(weeks);
    const { container } = render(h(Dashboard, { width: 600 }));
    await screen.findByRole('figure', { name: 'Courtesy deadlines met' });
    for (const title of [
      'Courtesy deadlines met',
      'Median time to first human reply',
      'Promises kept',
      'Repeat-contact rate',
      'Open threads by owner',
      'Open threads by age',
    ]) {
      const figure = screen.getByRole('figure', { name: title });
      expect(figure.querySelector('svg.recharts-surface')).not.toBeNull();
    }
    expect(container.querySelectorAll('.recharts-line').length).toBe(4);
    const courtesy = table('Courtesy deadlines met');
    expect(courtesy).toHaveLength(12);
    expect(courtesy[0]?.[1]).toBe('75%');
    expect(courtesy[11]?.[1]).toBe('100%');
    expect(table('Median time to first human reply')[0]?.[1]).toBe('2.5 h');
    expect(table('Promises kept')[0]?.[1]).toBe('50%');
    expect(table('Repeat-contact rate')[0]?.[1]).toBe('10%');
  });

  it('shows open threads of the latest week by owner (by name) and by age', () => {
    render(
      h(Dashboard, {
        width: 600,
        weeks: [week(0), week(1, { open: { ...week(1).open, byOwner: { 'bob@acme.example': 4 } } })],
      }),
    );
    expect(table('Open threads by owner')).toEqual([['Bob Baker', '4']]);
    expect(table('Open threads by age').map((r) => r[0])).toEqual([
      'under 1 day',
      '1–3 days',
      '3–7 days',
      '1–4 weeks',
      'over 4 weeks',
    ]);
    expect(api['metrics.weekly']).not.toHaveBeenCalled();
  });

  it('names every bar, wrapping long names under it, and titles both axes of every chart', () => {
    render(h(Dashboard, { width: 600, weeks: [week(0)] }));
    const ticks = (title: string) =>
      [...screen.getByRole('figure', { name: title }).querySelectorAll('.recharts-xAxis-tick-labels text')].map((t) =>
        [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '),
      );
    expect(ticks('Open threads by age')).toEqual(['under 1 day', '1–3 days', '3–7 days', '1–4 weeks', 'over 4 weeks']);
    expect(ticks('Open threads by owner')).toEqual(['Bob Baker', 'Unassigned']);
    const titles = (title: string) =>
      [...screen.getByRole('figure', { name: title }).querySelectorAll('.recharts-label')].map((t) => t.textContent);
    expect(titles('Open threads by age')).toEqual(['Open for', 'Open threads']);
    expect(titles('Open threads by owner')).toEqual(['Owner', 'Open threads']);
    expect(titles('Courtesy deadlines met')).toEqual(['Week starting', '% met on time']);
  });

  it('wraps an axis label at word boundaries to the width of its bar', () => {
    expect(labelLines('over 4 weeks', 6)).toEqual(['over 4', 'weeks']);
    expect(labelLines('Unassigned', 4)).toEqual(['Unassigned']);
    expect(labelLines('Ben Okafor', 20)).toEqual(['Ben Okafor']);
  });

  it('ranks nobody by speed', () => {
    render(h(Dashboard, { width: 600, weeks: [week(0)] }));
    expect(screen.queryByText(/fastest|leaderboard|rank/i)).toBeNull();
  });

  it('exports CSV through a Blob download', async () => {
    api['export.csv'].mockResolvedValue('thread,owner\n1,bob\n');
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:csv';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(h(Dashboard, { width: 600, weeks: [week(0)] }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export threads CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api['export.csv']).toHaveBeenCalledWith({ kind: 'threads' });
    expect(await created[0]?.text()).toBe('thread,owner\n1,bob\n');
    click.mockRestore();
  });

  it('says why an export failed', async () => {
    api['export.csv'].mockRejectedValue(new Error('No account yet.'));
    render(h(Dashboard, { width: 600, weeks: [week(0)] }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export metrics CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No account yet.');
  });

  it('turns weeks into chart points, with gaps where nothing could be judged', () => {
    const points = weekPoints([week(1), week(0, { promises: { kept: 0, broken: 0, pending: 0, share: null } })]);
    expect(points.map((p) => p.promises)).toEqual([null, 50]);
  });
});
