import { describe, expect, it } from 'vitest';
import { emptyViewText, viewHeader, windowText } from '../../../src/renderer/src/features/threads/viewWords';
import { VIEWS } from '../../../src/shared/team';

describe('views say what they hold', () => {
  it('the Due soon header names the team’s window', () => {
    const now = new Date(2026, 10, 30, 10, 0).getTime();
    const lead = { kind: 'lead', minutes: 240, until: now + 4 * 3_600_000 } as const;
    expect(viewHeader('due', lead, now)).toBe(
      'Replies and promises due in the next 4 h (set the window in Team settings).',
    );
    const closesToday = { kind: 'business-day', until: new Date(2026, 10, 30, 17, 0).getTime() } as const;
    expect(viewHeader('due', closesToday, now)).toMatch(
      /^Replies and promises due by the end of the business day \((05:00 PM|17:00)\) \(set the window/,
    );
    const closesTomorrow = { kind: 'business-day', until: new Date(2026, 11, 1, 17, 0).getTime() } as const;
    expect(emptyViewText('due', closesTomorrow, now)).toMatch(/^Nothing is due by the end of the business day \(Tue /);
    expect(windowText(90)).toBe('90 min');
    expect(windowText(24 * 60)).toBe('1 day');
    expect(viewHeader('all', lead, now)).toBeNull();
    expect(viewHeader('promised', null)).toBe('Answers we promised customers, the earliest promised date first.');
  });

  it('every view has its own empty state, and Due soon names its window', () => {
    const lead = { kind: 'lead', minutes: 240, until: 0 } as const;
    const texts = VIEWS.map((v) => emptyViewText(v, lead));
    expect(new Set(texts).size).toBe(VIEWS.length);
    expect(emptyViewText('due', lead)).toBe('Nothing is due in the next 4 h.');
    expect(emptyViewText('due', lead)).not.toContain('as it syncs');
  });
});
