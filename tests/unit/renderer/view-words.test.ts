import { describe, expect, it } from 'vitest';
import { emptyViewText, viewHeader, windowText } from '../../../src/renderer/src/features/threads/viewWords';
import { VIEWS } from '../../../src/shared/team';

describe('views say what they hold', () => {
  it('the Due soon header names the team’s window', () => {
    expect(viewHeader('due', 240)).toBe('Replies and promises due in the next 4 h (set the window in Team settings).');
    expect(windowText(90)).toBe('90 min');
    expect(windowText(24 * 60)).toBe('1 day');
    expect(viewHeader('all', 240)).toBeNull();
  });

  it('every view has its own empty state, and Due soon names its window', () => {
    const texts = VIEWS.map((v) => emptyViewText(v, 240));
    expect(new Set(texts).size).toBe(VIEWS.length);
    expect(emptyViewText('due', 240)).toBe('Nothing is due in the next 4 h.');
    expect(emptyViewText('due', 240)).not.toContain('as it syncs');
  });
});
