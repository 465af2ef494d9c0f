// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { DueChip, OwnerBadge, StatusMark } from '../../../src/renderer/src/features/teamwork/badges';
import { dueText, initialsOf, promiseChipText } from '../../../src/renderer/src/features/teamwork/format';
import { teamView } from './fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const NOW = Date.UTC(2025, 0, 14, 10, 0);
const MIN = 60_000;

describe('DueChip', () => {
  it('counts down while calm', () => {
    render(h(DueChip, { due: { dueAt: NOW + 3 * 60 * MIN, reason: 'first-response', state: 'calm' }, now: NOW }));
    const chip = screen.getByText('due in 3 h');
    expect(chip.getAttribute('data-state')).toBe('calm');
    expect(chip.className).toContain('calm');
    expect(chip.getAttribute('aria-label')).toBe('Reply due in 3 h (on time)');
  });

  it('shows due soon in its own colour', () => {
    render(h(DueChip, { due: { dueAt: NOW + 45 * MIN, reason: 'next-response', state: 'due-soon' }, now: NOW }));
    const chip = screen.getByText('due in 45 min');
    expect(chip.className).toContain('due-soon');
    expect(chip.getAttribute('aria-label')).toContain('due soon');
  });

  it('names a promise by its date, turning due soon and overdue like any deadline', () => {
    const dueAt = NOW + 45 * MIN;
    const time = new Date(dueAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    const { rerender } = render(h(DueChip, { due: { dueAt, reason: 'promise', state: 'due-soon' }, now: NOW }));
    const chip = screen.getByText(`Promised ${time}`);
    expect(chip.className).toContain('due-soon');
    expect(chip.getAttribute('aria-label')).toMatch(/^Answer promised by .* \(due soon\)$/);
    rerender(h(DueChip, { due: { dueAt, reason: 'promise', state: 'due-soon' }, now: dueAt + MIN }));
    expect(screen.getByText(`Promised ${time}`).getAttribute('aria-label')).toContain('(promise overdue)');
  });

  it('words a promise days away by weekday, and further away by date', () => {
    const friday = Date.UTC(2025, 0, 17, 17, 0);
    const weekday = new Date(friday).toLocaleDateString(undefined, { weekday: 'short' });
    expect(promiseChipText(friday, NOW)).toMatch(new RegExp(`^Promised ${weekday} `));
    const later = NOW + 20 * 86_400_000;
    const date = new Date(later).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
    expect(promiseChipText(later, NOW)).toContain(date);
  });

  it('says how long it has been overdue', () => {
    render(h(DueChip, { due: { dueAt: NOW - 20 * MIN, reason: 'first-response', state: 'overdue' }, now: NOW }));
    const chip = screen.getByText('overdue 20 min');
    expect(chip.className).toContain('overdue');
    expect(chip.getAttribute('aria-label')).toBe('Reply overdue 20 min (overdue)');
  });

  it('ticks every minute and turns overdue when the deadline passes', () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    render(h(DueChip, { due: { dueAt: NOW + 90_000, reason: 'first-response', state: 'due-soon' } }));
    expect(screen.getByText('due in 1 min')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(MIN);
    });
    expect(screen.getByText('due in less than 1 min')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(2 * MIN);
    });
    const chip = screen.getByText('overdue 1 min');
    expect(chip.getAttribute('data-state')).toBe('overdue');
  });

  it('words long spans in days', () => {
    expect(dueText(NOW + 3 * 24 * 60 * MIN, NOW)).toBe('due in 3 d');
    expect(dueText(NOW - 47 * 60 * MIN, NOW)).toBe('overdue 47 h');
  });
});

describe('OwnerBadge', () => {
  it('shows initials with the full name as its label', () => {
    render(h(OwnerBadge, { team: teamView({ owner: 'bob@acme.example', ownerName: 'Bob Baker' }) }));
    const badge = screen.getByRole('img', { name: 'Owner: Bob Baker' });
    expect(badge.textContent).toBe('BB');
    expect(badge.getAttribute('title')).toBe('Owner: Bob Baker');
    expect(screen.queryByTestId('owner-pending')).toBeNull();
  });

  it('marks an unowned thread as unassigned', () => {
    render(h(OwnerBadge, { team: teamView() }));
    expect(screen.getByRole('img', { name: 'Unassigned' }).textContent).toBe('?');
  });

  it('marks unconfirmed actions and an open handoff offer', () => {
    render(
      h(OwnerBadge, {
        team: teamView({
          owner: 'bob@acme.example',
          ownerName: 'Bob Baker',
          pending: 1,
          handoffTo: 'carol@acme.example',
        }),
        handoffName: 'Carol Cruz',
      }),
    );
    const badge = screen.getByRole('img', {
      name: 'Owner: Bob Baker, offered to Carol Cruz, not yet confirmed by the server',
    });
    expect(screen.getByTestId('owner-pending')).toBeTruthy();
    expect(badge.textContent).toContain('offered to Carol Cruz');
  });

  it('takes initials from the address when there is no name', () => {
    expect(initialsOf(null, 'dana.diaz@acme.example')).toBe('DD');
    expect(initialsOf('Eve', null)).toBe('EV');
  });
});

describe('StatusMark', () => {
  it('shows waiting, closed and snoozed, and nothing for open', () => {
    const { rerender, container } = render(h(StatusMark, { team: teamView({ status: 'waiting' }), now: 0 }));
    expect(screen.getByLabelText('Waiting on customer')).toBeTruthy();
    rerender(h(StatusMark, { team: teamView({ status: 'closed' }), now: 0 }));
    expect(screen.getByLabelText('Closed')).toBeTruthy();
    rerender(h(StatusMark, { team: teamView({ snoozedUntil: 5000 }), now: 0 }));
    expect(screen.getByText('Snoozed').getAttribute('aria-label')).toMatch(/^Snoozed until /);
    rerender(h(StatusMark, { team: teamView(), now: 0 }));
    expect(container.textContent).toBe('');
  });

  it('does not call a thread with an open promise "waiting": the team owes the answer', () => {
    const { container } = render(h(StatusMark, { team: teamView({ status: 'waiting' }), promised: true, now: 0 }));
    expect(container.textContent).toBe('');
  });
});
